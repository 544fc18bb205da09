using System.Diagnostics;
using FilingTui.App.Tui;
using FilingTui.Data;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;

namespace FilingTui.Bench;

/// <summary>
/// Key-to-frame latency of the real screen over a store: each key is queued alone and the loop turn that handles
/// it and draws its frame is timed. The script is what a person does: scroll the list, page, jump to the end and
/// back, type a company filter, go to a quarter, open a line history, move between panes, search, refresh.
/// </summary>
public static class Latency
{
    /// <summary>Runs the script; <paramref name="quiet"/> for the warm-up pass that takes the JIT's cost out of the figures.</summary>
    public static void Run(string db, bool quiet = false)
    {
        var open = Stopwatch.StartNew();
        using var store = FilingStore.Open(db);
        var driver = new FakeDriver(120, 40);
        var screen = new MainScreen(store, driver, ColorProfile.Ansi256, MainScreen.InteractiveLoadWait);
        driver.Init();
        screen.App.DrawFrame();
        open.Stop();
        var count = store.Count();

        // A person reads the first screen before the first key: half a second with the loop idle, as the terminal's
        // would be (the screen settles its heap then).
        for (var i = 0; i < 10; i++)
        {
            Thread.Sleep(50);
            driver.NowMs += 50;
            screen.App.RunIteration(TimeSpan.Zero);
        }

        var keys = new List<Key>();
        keys.AddRange(Enumerable.Repeat(Key.Char('j'), 100));
        keys.AddRange(Enumerable.Repeat(Key.PageDown, 20));
        keys.Add(Key.Char('G'));
        keys.Add(Key.Char('g'));
        keys.Add(Key.Char('f'));
        keys.AddRange("company 0001".Select(Key.Char));
        keys.Add(Key.Enter);
        keys.AddRange(Enumerable.Repeat(Key.Char('j'), 10));
        keys.Add(Key.Char('f'));
        keys.Add(Key.Esc);
        keys.Add(Key.Char(':'));
        keys.AddRange("FY2006Q1".Select(Key.Char));
        keys.Add(Key.Enter);
        keys.Add(Key.Enter);
        keys.Add(Key.Esc);
        keys.AddRange(Enumerable.Repeat(Key.Char('j'), 5));
        keys.Add(Key.Char(']'));
        keys.Add(Key.Tab);
        keys.Add(Key.Char('/'));
        keys.AddRange("revenue".Select(Key.Char));
        keys.Add(Key.Enter);
        keys.AddRange(Enumerable.Repeat(Key.Char('n'), 5));
        keys.Add(Key.Tab);
        keys.Add(Key.F5);

        var times = new List<(double Ms, string Key)>();
        var answers = new List<(double Ms, string Key)>();
        var frames = screen.App.Frames;
        foreach (var key in keys)
        {
            driver.Enqueue(key);
            var paused = GC.GetTotalPauseDuration();
            var gen0 = GC.CollectionCount(0);
            var sw = Stopwatch.StartNew();
            screen.App.RunIteration(TimeSpan.Zero);
            var ms = sw.Elapsed.TotalMilliseconds;
            // A key that met a collection says so, with the pause: the GC's share of a slow key is not the screen's.
            var gc = GC.CollectionCount(0) - gen0 > 0 ? $" (GC {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F1} ms)" : "";
            times.Add((ms, $"#{times.Count + 1} {key}{gc}"));

            // Work the key started off the UI thread (a search, or a filing slower than the wait): its answer is timed from the key to the frame that
            // shows it, apart from the key-to-frame figures, and the next key waits for it as a person would.
            if (screen.App.PendingWork > 0)
            {
                while (screen.App.PendingWork > 0)
                {
                    screen.App.RunIteration(TimeSpan.Zero);
                    Thread.Yield();
                }

                answers.Add((sw.Elapsed.TotalMilliseconds, $"#{times.Count} {key}"));
            }
        }

        frames = screen.App.Frames - frames;
        if (quiet)
        {
            return;
        }

        using var me = Process.GetCurrentProcess();
        me.Refresh();
        var sorted = times.Select(t => t.Ms).Order().ToList();
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        var slowest = string.Join(", ", times.OrderByDescending(t => t.Ms).Take(4).Select(t => $"{t.Key} {t.Ms:F1} ms"));
        Console.WriteLine($"latency: {count:N0} filings ({new FileInfo(db).Length / 1024.0 / 1024.0:N0} MiB store)");
        Console.WriteLine($"  open the store + first frame: {open.Elapsed.TotalMilliseconds:F0} ms");
        Console.WriteLine($"  {keys.Count} keys, {frames} frames; key-to-frame median {P(0.5):F2} ms, p99 {P(0.99):F2} ms, max {sorted[^1]:F2} ms; slowest: {slowest}");
        foreach (var (ms, key) in answers)
        {
            Console.WriteLine($"  {key}: answered off the UI thread {ms:F1} ms after the key (a search, or a filing slower than the wait)");
        }

        Console.WriteLine($"  resident memory after the script: {me.WorkingSet64 / 1024.0 / 1024.0:N0} MiB (peak {me.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB), managed heap {GC.GetTotalMemory(false) / 1024.0 / 1024.0:N0} MiB");
    }
}
