using FilingTui.Data;
using Microsoft.Data.Sqlite;

namespace FilingTui.App.Tests;

/// <summary>A temporary store, optionally holding the three samples.</summary>
public sealed class TempStore : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("filingtui-app-").FullName;

    public string DbPath => Path.Combine(Dir, "filings.db");

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string DevCorpus => Path.Combine(AppContext.BaseDirectory, "dev-corpus");

    /// <summary>A folder under <see cref="Dir"/> holding a copy of each sample filing, for tests that add files beside them.</summary>
    public string FolderWithSamples(string name)
    {
        var folder = Path.Combine(Dir, name);
        Directory.CreateDirectory(folder);
        foreach (var f in Directory.GetFiles(Samples))
        {
            File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        }

        return folder;
    }

    public FilingStore OpenWithSamples()
    {
        var store = FilingStore.Open(DbPath);
        foreach (var f in Directory.GetFiles(Samples).Order())
        {
            store.Import(f, File.ReadAllBytes(f));
        }

        return store;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Dir, true);
    }
}

/// <summary>What a person would see after everything the driver wrote.</summary>
public static class Screen
{
    public static FilingTui.Terminal.Drivers.VirtualScreen Of(FilingTui.Terminal.Drivers.FakeDriver driver)
    {
        var s = new FilingTui.Terminal.Drivers.VirtualScreen(driver.Cols, driver.Rows);
        s.Apply(driver.AllOutput);
        return s;
    }
}

/// <summary>Runs the command line with captured output.</summary>
public static class Run
{
    public static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var o = new StringWriter();
        var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try
        {
            var code = FilingTui.App.Cli.Run(args);
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    /// <summary>The dotnet host running the tests, to start the app as its own process the same way.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>The app built next to the tests.</summary>
    public static string AppDll => Path.Combine(AppContext.BaseDirectory, "filingtui.dll");

    /// <summary>One value from a store, read with a connection of its own (outside FilingStore, as a check).</summary>
    public static string Scalar(string db, string sql)
    {
        using var c = new SqliteConnection($"Data Source={db};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
