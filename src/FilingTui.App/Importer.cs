using FilingTui.Data;

namespace FilingTui.App;

/// <summary>Expands paths (folders recursively) and imports each file, one filing per transaction.</summary>
public static class Importer
{
    /// <summary>Files to import, in a stable order; a path that does not exist is returned as a failure.</summary>
    public static (List<string> Files, List<ImportResult> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<ImportResult>();
        foreach (var raw in paths)
        {
            var p = StorePath.ExpandHome(raw);
            if (File.Exists(p))
            {
                files.Add(p);
            }
            else if (Directory.Exists(p))
            {
                files.AddRange(Directory.EnumerateFiles(p, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(new ImportResult(raw, ImportOutcome.Failed, null, "no such file or folder"));
            }
        }

        return (files, missing);
    }

    /// <summary>The file's bytes, or the sentence saying why it cannot be read.</summary>
    public static (byte[]? Bytes, string? Error) Read(string file)
    {
        try
        {
            return (File.ReadAllBytes(file), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"it could not be read ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>Imports files in parallel (parse on all cores, one writer); results sorted by path.</summary>
    public static List<ImportResult> ImportAll(FilingStore store, IReadOnlyList<string> files, Action<ImportResult>? progress = null, CancellationToken cancel = default)
    {
        var results = new List<ImportResult>();
        store.ImportMany(files, Read, r =>
        {
            results.Add(r);
            progress?.Invoke(r);
        }, cancel);
        return [.. results.OrderBy(r => r.Path, StringComparer.Ordinal)];
    }

    public static string Describe(ImportResult r) => r.Outcome switch
    {
        ImportOutcome.Imported => $"imported   {Printable.Line(r.Path)} (filing {r.FilingId}{(r.Message is null ? "" : "; " + r.Message)})",
        ImportOutcome.Duplicate => $"duplicate  {Printable.Line(r.Path)} ({r.Message})",
        _ => $"failed     {Printable.Line(r.Path)}: {r.Message}",
    };

    /// <summary>The one plain sentence on stderr for a file that failed.</summary>
    public static string ErrorSentence(ImportResult r) => $"{Printable.Line(r.Path)}: {r.Message}.";
}
