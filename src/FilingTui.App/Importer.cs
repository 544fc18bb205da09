using FilingTui.Data;

namespace FilingTui.App;

/// <summary>Expands paths (folders recursively) and imports each file, one filing per transaction.</summary>
public static class Importer
{
    /// <summary>The largest file read as a filing: the parser's own limit, checked before the file is read.</summary>
    public const long MaxFileBytes = FilingTui.Core.Import.ImportPipeline.MaxSourceBytes;

    /// <summary>
    /// Files to import, in a stable order; a path that does not exist, or is no regular file, is returned as a failure.
    /// A folder is walked once over: a symbolic link to a folder already walked (its parent, a sibling) is not
    /// walked again, so a link loop neither repeats files nor runs away; files and folders whose names start with a
    /// dot are left out, as unreadable subfolders are (each said).
    /// </summary>
    public static (List<string> Files, List<ImportResult> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<ImportResult>();
        var walked = new HashSet<string>(StringComparer.Ordinal);
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in paths)
        {
            var p = StorePath.ExpandHome(raw);
            if (Directory.Exists(p))
            {
                Walk(Path.GetFullPath(p), RealPath(Path.GetFullPath(p)), walked, seenFiles, files, missing);
            }
            else if (File.Exists(p))
            {
                if (seenFiles.Add(RealPath(Path.GetFullPath(p))))
                {
                    files.Add(p);
                }
            }
            else
            {
                missing.Add(new ImportResult(raw, ImportOutcome.Failed, null, "no such file or folder"));
            }
        }

        return (files, missing);
    }

    private static void Walk(string dir, string real, HashSet<string> walked, HashSet<string> seenFiles, List<string> files, List<ImportResult> missing)
    {
        if (!walked.Add(real))
        {
            return;
        }

        List<FileSystemInfo> entries;
        try
        {
            entries = [.. new DirectoryInfo(dir).EnumerateFileSystemInfos().Where(e => !e.Name.StartsWith('.')).OrderBy(e => e.Name, StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            missing.Add(new ImportResult(dir, ImportOutcome.Failed, null, $"the folder could not be read ({ex.Message.TrimEnd('.')})"));
            return;
        }

        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo sub)
            {
                Walk(sub.FullName, sub.LinkTarget is null ? Path.Combine(real, sub.Name) : RealPath(sub.FullName), walked, seenFiles, files, missing);
            }
            else if (entry.LinkTarget is null || File.Exists(entry.FullName))
            {
                if (seenFiles.Add(entry.LinkTarget is null ? Path.Combine(real, entry.Name) : RealPath(entry.FullName)))
                {
                    files.Add(entry.FullName);
                }
            }
            else
            {
                missing.Add(new ImportResult(entry.FullName, ImportOutcome.Failed, null, "a symbolic link to nothing"));
            }
        }
    }

    /// <summary>The path with its symbolic links resolved (the final target of a link, and of the folders above it).</summary>
    private static string RealPath(string path)
    {
        try
        {
            var parent = Path.GetDirectoryName(path);
            var resolved = parent is null ? path : Path.Combine(RealPath(parent), Path.GetFileName(path));
            var info = new FileInfo(resolved);
            return info.LinkTarget is null ? resolved : (info.ResolveLinkTarget(returnFinalTarget: true)?.FullName is string target ? RealPath(target) : resolved);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }

    /// <summary>
    /// The file's bytes, or the sentence saying why it cannot be read. What is no regular file (a named pipe, a device,
    /// a socket) is refused before it is opened: reading one could wait for ever or never end. A file over
    /// <see cref="MaxFileBytes"/> is refused by its size, and one that grows past it while read stops there.
    /// </summary>
    public static (byte[]? Bytes, string? Error) Read(string file)
    {
        try
        {
            if (SpecialFile(file) is string kind)
            {
                return (null, $"it is {kind}, not a file; only files and folders are imported");
            }

            var length = new FileInfo(file).Length;
            if (length > MaxFileBytes)
            {
                return (null, FilingTui.Core.Import.ImportPipeline.TooLarge(length));
            }

            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
            var buffer = new byte[Math.Min(length, MaxFileBytes) + 1];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += n;
            }

            if (read > MaxFileBytes)
            {
                return (null, $"it grew past the {MaxFileBytes / (1024 * 1024)} MB a filing can be while it was read");
            }

            return (read == buffer.Length ? buffer : buffer[..read], null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"it could not be read ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>What kind of special file the path is on Unix (its type bits, read without opening it), else null.</summary>
    private static string? SpecialFile(string file)
    {
        return UnixFileType.Of(file) switch
        {
            UnixFileType.Kind.Fifo => "a named pipe",
            UnixFileType.Kind.CharacterDevice or UnixFileType.Kind.BlockDevice => "a device",
            UnixFileType.Kind.Socket => "a socket",
            _ => null,
        };
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
        ImportOutcome.Skipped => $"skipped    {Printable.Line(r.Path)}: {r.Message}",
        _ => $"failed     {Printable.Line(r.Path)}: {r.Message}",
    };

    /// <summary>The one plain sentence on stderr for a file that failed.</summary>
    public static string ErrorSentence(ImportResult r) => $"{Printable.Line(r.Path)}: {r.Message}.";
}
