using System.Reflection;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data;

/// <summary>Numbered SQL scripts embedded in the assembly, applied in order; PRAGMA user_version records the last.</summary>
internal static class Migrations
{
    private const string Prefix = "FilingTui.Data.Migrations.";

    /// <summary>
    /// The scripts' resource names in version order, read from the names alone: a store already up to date reads no
    /// script. Plain arrays and a loop, not LINQ over tuples: those generic instantiations cannot be precompiled and
    /// were JIT-compiled at every start (15 ms).
    /// </summary>
    private static readonly string[] Resources = Sorted(typeof(Migrations).Assembly.GetManifestResourceNames());

    private static int VersionOf(string resource) => int.Parse(resource.AsSpan(Prefix.Length, resource.IndexOf('_', Prefix.Length) - Prefix.Length), System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Sorted(string[] names)
    {
        var scripts = new List<string>();
        foreach (var n in names)
        {
            if (n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            {
                // In version order as they are added (a handful of names).
                var at = scripts.Count;
                while (at > 0 && VersionOf(scripts[at - 1]) > VersionOf(n))
                {
                    at--;
                }

                scripts.Insert(at, n);
            }
        }

        return [.. scripts];
    }

    public static int Latest => VersionOf(Resources[^1]);

    private static string Script(string resource)
    {
        using var stream = typeof(Migrations).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// Throws, changing nothing, for a file that is not ours to migrate: one written by a newer FilingTui, or another
    /// program's SQLite database (tables, and no schema version of ours).
    /// </summary>
    public static void Refuse(SqliteConnection connection, string path)
    {
        var current = PlainSql.Scalar(connection, "PRAGMA user_version");
        if (current > Latest)
        {
            throw new StoreException($"{path} was written by a newer FilingTui (schema {current}, this one knows {Latest}); it is left untouched.");
        }

        if (current == 0 && PlainSql.Scalar(connection, "SELECT COUNT(*) FROM sqlite_master") > 0)
        {
            throw new StoreException($"{path} is another program's SQLite database (it has tables but no FilingTui schema); it is left untouched.");
        }
    }

    public static void Apply(SqliteConnection connection, string path)
    {
        Refuse(connection, path);
        var current = PlainSql.Scalar(connection, "PRAGMA user_version");

        foreach (var resource in Resources)
        {
            var version = VersionOf(resource);
            if (version <= current)
            {
                continue;
            }

            using var tx = connection.BeginTransaction();
            PlainSql.Execute(connection, Script(resource), tx);
            PlainSql.Execute(connection, $"PRAGMA user_version = {version}", tx);
            tx.Commit();
        }
    }
}
