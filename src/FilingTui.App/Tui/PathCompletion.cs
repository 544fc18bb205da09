namespace FilingTui.App.Tui;

/// <summary>Tab completion of the last path in a field: the longest common prefix of the matching entries.</summary>
public static class PathCompletion
{
    public static string? Complete(string text)
    {
        var cut = text.LastIndexOf(' ') + 1;
        var prefix = text[..cut];
        var typed = text[cut..];
        var expanded = StorePath.ExpandHome(typed.Length == 0 ? "./" : typed);
        var dir = expanded.EndsWith('/') ? expanded : Path.GetDirectoryName(expanded);
        if (string.IsNullOrEmpty(dir))
        {
            dir = ".";
        }

        var stem = expanded.EndsWith('/') ? "" : Path.GetFileName(expanded);
        if (!Directory.Exists(dir))
        {
            return null;
        }

        var matches = Directory.EnumerateFileSystemEntries(dir)
            .Select(Path.GetFileName)
            .Where(n => n is not null && n.StartsWith(stem, StringComparison.Ordinal))
            .Select(n => n!)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (matches.Count == 0)
        {
            return null;
        }

        var common = matches[0];
        foreach (var m in matches.Skip(1))
        {
            var i = 0;
            while (i < common.Length && i < m.Length && common[i] == m[i])
            {
                i++;
            }

            common = common[..i];
        }

        var typedDir = typed.EndsWith('/') ? typed : typed[..(typed.LastIndexOf('/') + 1)];
        var completed = typedDir + common;
        if (matches.Count == 1 && Directory.Exists(Path.Combine(dir, common)))
        {
            completed += "/";
        }

        return prefix + completed;
    }
}
