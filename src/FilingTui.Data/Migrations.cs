using System.Reflection;
using Dapper;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data;

/// <summary>Numbered SQL scripts embedded in the assembly, applied in order; PRAGMA user_version records the last.</summary>
internal static class Migrations
{
    public static IReadOnlyList<(int Version, string Sql)> All { get; } = Load();

    public static int Latest => All[^1].Version;

    private static List<(int, string)> Load()
    {
        var asm = Assembly.GetExecutingAssembly();
        const string prefix = "FilingTui.Data.Migrations.";
        return [.. asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..];
                var version = int.Parse(file[..file.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
                using var stream = asm.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (version, reader.ReadToEnd());
            })
            .OrderBy(m => m.version)];
    }

    public static void Apply(SqliteConnection connection, string path)
    {
        var current = connection.ExecuteScalar<int>("PRAGMA user_version");
        if (current > Latest)
        {
            throw new StoreException($"{path} was written by a newer FilingTui (schema {current}, this one knows {Latest}); it is left untouched.");
        }

        foreach (var (version, sql) in All.Where(m => m.Version > current))
        {
            using var tx = connection.BeginTransaction();
            connection.Execute(sql, transaction: tx);
            connection.Execute($"PRAGMA user_version = {version}", transaction: tx);
            tx.Commit();
        }
    }
}
