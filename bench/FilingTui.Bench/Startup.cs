using System.Diagnostics;
using System.Text;

namespace FilingTui.Bench;

/// <summary>
/// Time from starting the process to the first frame on the terminal, as a user starts it (`dotnet exec` in a
/// pseudo-terminal made by script(1)), against a hello-world started the same way (this bench's own `hello`
/// command, which prints one line and exits). Also the app's resident memory once its first frame is up.
/// </summary>
public static class Startup
{
    /// <summary>
    /// The dotnet host to start processes with: under `dotnet run` this bench runs from its apphost, not from dotnet,
    /// so the host is found on the PATH; run with `dotnet exec`, it is this process's own.
    /// </summary>
    public static string Dotnet => Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    public static void Run(string root, IReadOnlyList<string> stores, int runs = 7)
    {
        var dotnet = Dotnet;
        // The plain Release build, and the ReadyToRun build run.sh publishes when it is there (./run.sh --help makes it).
        var apps = new[] { ("release", Path.Combine(root, "src", "FilingTui.App", "bin", "Release", "net10.0", "filingtui.dll")), ("run.sh R2R", Path.Combine(root, ".build", "app", "filingtui.dll")) }
            .Where(a => File.Exists(a.Item2)).ToList();
        var self = typeof(Startup).Assembly.Location;
        Console.WriteLine($"startup: process start to first frame in a pty (median of {runs}; first run discarded)");
        var hello = Median(runs, () => Time($"'{dotnet}' exec '{self}' hello", "hello, terminal", null).Ms);
        Console.WriteLine($"  {"hello world",-28} {hello,8:N0} ms");
        foreach (var (build, app) in apps)
        {
            foreach (var db in stores)
            {
                long rss = 0;
                var ms = Median(runs, () =>
                {
                    var (t, r) = Time($"FILINGTUI_DB='{db}' '{dotnet}' exec '{app}'", "F10 Menu", "filingtui");
                    rss = Math.Max(rss, r);
                    return t;
                });
                Console.WriteLine($"  {build + ", " + Path.GetFileName(db),-28} {ms,8:N0} ms  {ms / hello,5:0.0}x hello   resident {rss / 1024.0:N0} MiB at the first frame");

                // The first frame may show the list with the newest filing still loading beside it: the time until its
                // statement is drawn too (its tab caption names the operations statement).
                var full = Median(runs, () => Time($"FILINGTUI_DB='{db}' '{dotnet}' exec '{app}'", "Operations", null).Ms);
                Console.WriteLine($"  {"",-28} {full,8:N0} ms  {full / hello,5:0.0}x hello   until the newest filing's statement is drawn");
            }
        }
    }

    private static double Median(int runs, Func<double> once)
    {
        once();
        var all = Enumerable.Range(0, runs).Select(_ => once()).Order().ToList();
        return all[all.Count / 2];
    }

    /// <summary>Starts the command in a pty and waits for <paramref name="marker"/> on its screen; the app is then ended.</summary>
    private static (double Ms, long RssKib) Time(string command, string marker, string? processName)
    {
        // A pty made without a terminal behind it has no size: set one, as a terminal emulator would.
        var psi = new ProcessStartInfo("script", ["-qfec", "stty cols 120 rows 40; exec " + command.Replace("FILINGTUI_DB=", "env FILINGTUI_DB=", StringComparison.Ordinal), "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.Environment["TERM"] = "xterm-256color";
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var seen = new StringBuilder();
        var buffer = new char[65536];
        // The screen's text without its escape sequences (the status bar styles "F10" apart from "Menu").
        while (!System.Text.RegularExpressions.Regex.Replace(seen.ToString(), "\u001b\\[[0-9;?]*[A-Za-z]", "").Contains(marker, StringComparison.Ordinal))
        {
            var n = p.StandardOutput.Read(buffer, 0, buffer.Length);
            if (n <= 0)
            {
                throw new InvalidOperationException($"{command} ended before showing \"{marker}\": {seen}");
            }

            seen.Append(buffer, 0, n);
        }

        var ms = sw.Elapsed.TotalMilliseconds;
        long rss = 0;
        if (processName is not null)
        {
            // script(1)'s shell execs the app, so the app is script's own child.
            rss = ChildrenOf(p.Id).Select(ResidentKib).DefaultIfEmpty(0).Max();

            p.StandardInput.Write('q');
            p.StandardInput.Flush();
        }

        if (!p.WaitForExit(10_000))
        {
            p.Kill(entireProcessTree: true);
        }

        return (ms, rss);
    }

    private static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            // "pid (comm) state ppid ...": the command name may hold spaces and parentheses, so read after the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
            {
                yield return pid;
            }
        }
    }

    private static long ResidentKib(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
