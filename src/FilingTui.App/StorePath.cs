namespace FilingTui.App;

/// <summary>Where the store lives: --db, else $FILINGTUI_DB, else the user's data folder.</summary>
public static class StorePath
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return ExpandHome(option);
        }

        if (Environment.GetEnvironmentVariable("FILINGTUI_DB") is { Length: > 0 } env)
        {
            return ExpandHome(env);
        }

        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "filingtui", "filings.db");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var baseDir = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : xdg;
        return Path.Combine(baseDir, "filingtui", "filings.db");
    }

    public static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : "")
            : path;
}
