using FilingTui.Data;

namespace FilingTui.App.Tests;

/// <summary>
/// The app in a real terminal (tmux), driven as a person drives it. Skipped, saying why, where tmux is absent;
/// .ci/run installs it so these run in CI.
/// </summary>
public sealed class TmuxTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static void RequireTmux() => Skip.IfNot(Tmux.Available, "tmux is not installed: the end-to-end terminal tests need it (apt-get install tmux; .ci/run installs it)");

    /// <summary>Back at the shell with the terminal as it was: main screen, cursor shown, echo and line editing on.</summary>
    private static void TerminalIsUsable(Tmux t)
    {
        t.WaitForPrompt(TimeSpan.FromSeconds(15));
        t.Display("#{alternate_on}").Should().Be("0", "the alternate screen is left");
        t.Display("#{cursor_flag}").Should().Be("1", "the cursor is shown again");
        t.Shell("clear; stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | sort | tr '\\n' ' '; echo DO\"\"NE");

        // The command line says DO""NE, so only the output can say DONE.
        var screen = t.WaitFor("DONE");
        screen.Should().Contain("echo icanon DONE", "echo and canonical input are back on");
    }

    [SkippableTheory]
    [InlineData("TERM")]
    [InlineData("HUP")]
    public void Killed_with_a_signal_the_app_leaves_the_terminal_usable(string signal)
    {
        RequireTmux();
        using var t = new Tmux(80, 24);
        t.Shell(Tmux.AppCommand(_tmp.DbPath));
        t.WaitFor("No filings yet");
        t.Display("#{alternate_on}").Should().Be("1");
        t.Display("#{cursor_flag}").Should().Be("0");
        var pid = t.AppPid();
        using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, pid.ToString()]))
        {
            kill.WaitForExit();
        }

        TerminalIsUsable(t);
    }

    [SkippableFact]
    public void A_day_with_the_app_import_go_to_a_quarter_follow_a_line_search_export_quit()
    {
        RequireTmux();
        var frames = Day(_tmp.DbPath, Path.Combine(_tmp.Dir, "frames.log"));
        frames.Should().NotBeEmpty();
        using var store = FilingStore.Open(_tmp.DbPath);
        store.Count().Should().Be(3);
    }

    [SkippableFact]
    public void The_same_day_over_100000_filings_takes_the_same_frames()
    {
        RequireTmux();
        var small = Day(_tmp.DbPath, Path.Combine(_tmp.Dir, "frames-3.log"));
        var big = Path.Combine(_tmp.Dir, "big.db");
        File.Copy(ScaleStore.Get(100_000), big);
        var large = Day(big, Path.Combine(_tmp.Dir, "frames-100k.log"));

        // Every key (or burst of keys sent together) got its own frame in both stores: none waited behind a slow one.
        var differ = Enumerable.Range(0, Math.Max(small.Count, large.Count)).FirstOrDefault(i => small.ElementAtOrDefault(i) != large.ElementAtOrDefault(i), -1);
        differ.Should().Be(-1, $"frame {differ} was \"{small.ElementAtOrDefault(differ)}\" over 3 filings and \"{large.ElementAtOrDefault(differ)}\" over 100,000");
        using var store = FilingStore.Open(big);
        store.Count().Should().Be(100_003);
    }

    [SkippableFact]
    public void A_store_from_a_newer_filingtui_is_refused_before_the_terminal_is_taken_and_left_as_it_was()
    {
        RequireTmux();
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples).Code.Should().Be(0);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_tmp.DbPath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA user_version = 99";
            cmd.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(_tmp.DbPath);
        using var t = new Tmux(200, 24);
        t.Shell(Tmux.AppCommand(_tmp.DbPath) + "; echo EXIT\"\"=$?");
        var screen = t.WaitFor("EXIT=");
        screen.Should().Contain($"{_tmp.DbPath} was written by a newer FilingTui (schema 99, this one knows {FilingStore.LatestSchemaVersion}); it is left untouched.");
        screen.Should().Contain("EXIT=1").And.NotContain("F10 Menu");
        t.Display("#{alternate_on}").Should().Be("0");
        File.ReadAllBytes(_tmp.DbPath).Should().Equal(before);
    }

    [SkippableFact]
    public void While_the_command_line_imports_into_its_store_the_app_keeps_answering_and_F5_shows_the_new_filings()
    {
        RequireTmux();
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples).Code.Should().Be(0);

        // Enough distinct files to keep the import writing for a few seconds: the samples with a line added each,
        // and the four EDGAR submissions (new companies, and a 2022 filing that will sort first).
        var incoming = Directory.CreateDirectory(Path.Combine(_tmp.Dir, "incoming")).FullName;
        var sample = File.ReadAllText(Path.Combine(TempStore.Samples, "immunogen-2005-09-30-8k.txt"));
        for (var i = 0; i < 600; i++)
        {
            File.WriteAllText(Path.Combine(incoming, $"copy-{i:000}.txt"), sample + $"\n\nReference {i}.\n");
        }

        foreach (var f in Directory.GetFiles(TempStore.DevCorpus, "*.txt"))
        {
            File.Copy(f, Path.Combine(incoming, Path.GetFileName(f)));
        }

        using var t = new Tmux(100, 30);
        t.Shell(Tmux.AppCommand(_tmp.DbPath));
        t.WaitFor("F10 Menu");
        t.WaitFor("Q2 FY2011");

        var info = new System.Diagnostics.ProcessStartInfo(Run.DotnetHost, [Run.AppDll, "import", "--db", _tmp.DbPath, incoming]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var import = System.Diagnostics.Process.Start(info)!;
        var output = import.StandardOutput.ReadToEndAsync();
        var errors = import.StandardError.ReadToEndAsync();

        // Up and down the list while the other program writes: each key is answered (a read never waits for the
        // writer in WAL mode; a wait would be the 10 s lock timeout, far past these waits).
        var answered = 0;
        while (!import.HasExited)
        {
            t.Keys("j");
            t.WaitUntil(s => s.Contains("Q1 FY2006", StringComparison.Ordinal) && !s.Contains("Q2 FY2011", StringComparison.Ordinal), "the second filing", TimeSpan.FromSeconds(5));
            t.Keys("k");
            t.WaitUntil(s => s.Contains("Q2 FY2011", StringComparison.Ordinal) && !s.Contains("Q1 FY2006", StringComparison.Ordinal), "the first filing", TimeSpan.FromSeconds(5));
            answered++;
        }

        import.WaitForExit();
        errors.Result.Should().BeEmpty();
        import.ExitCode.Should().Be(0, output.Result);
        output.Result.Should().Contain("604 imported, 0 duplicates, 0 failed; the store holds 607 filings");
        answered.Should().BeGreaterThan(2, "the keys were sent while the import was writing");
        t.Screen().Should().NotContain("2022-", "the list is what it was until it is refreshed");

        t.Keys("F5");
        var screen = t.WaitFor("2022-");
        screen.Should().Contain("2022-06-13 ORCL        Q4 FY22").And.Contain("▶2011-01-27 IMGN", "the filing being read stays selected");
        t.Keys("q");
        TerminalIsUsable(t);
    }

    /// <summary>
    /// Each step is one send-keys (text and Enter together, one write to the terminal) and waits for its screen
    /// before the next, so a step is one frame unless the app falls behind.
    /// The script: import data/samples from the File menu, go to FY2006Q1 and read 7,778, follow Total revenues
    /// across the three filings, search "multiple myeloma" into sample 002's text, export the statement to CSV and
    /// compare it, quit to a usable terminal. Returns the causes of the frames keys made (one write each).
    /// </summary>
    private static List<string> Day(string db, string frames)
    {
        // One export path for every run, so the keys typed are the same whatever the store.
        var csv = Path.Combine(Path.GetDirectoryName(frames)!, "ops.csv");
        File.Delete(csv);
        using var t = new Tmux(100, 30);
        t.Shell(Tmux.AppCommand(db, frames));
        t.WaitFor("F10 Menu");

        t.Keys("F10");
        t.WaitFor("Re-parse all");
        t.Keys("Enter");
        t.WaitFor("Files or folders to import");
        t.Keys(TempStore.Samples, "Enter");
        t.WaitFor("3 imported, 0 duplicates, 0 failed", TimeSpan.FromSeconds(60));
        t.Escape("Import summary");

        t.Keys(":");
        t.WaitFor("Go to quarter");
        t.Keys("FY2006Q1", "Enter");
        var screen = t.WaitFor("7,778");
        screen.Should().Contain("ImmunoGen").And.Contain("Q1 FY2006").And.Contain("Total revenues");

        t.Keys("g", "Down", "Down", "Down", "Down", "Enter");
        screen = t.WaitFor("Line history");
        screen.Should().Contain("Total revenues (Revenues)");
        screen.Should().Contain("2003Q1 Q3 FY03").And.Contain("2005Q3 Q1 FY06").And.Contain("2010Q4 Q2 FY11");
        t.Escape("Line history");

        t.Keys("/");
        t.WaitFor("Search every filing");
        t.Keys("multiple myeloma", "Enter");
        screen = t.WaitFor("matches for multiple myeloma");
        screen.Should().Contain("▶2005-11-03 ImmunoGen", "the filing being read comes first");
        t.Keys("Enter");
        screen = t.WaitUntil(s => !s.Contains("matches for", StringComparison.Ordinal), "the results to close");
        screen.Should().Contain("multiple myeloma").And.Contain("Q1 FY2006").And.Contain("All sections");

        t.Keys("e");
        t.WaitFor("File to write");
        t.Keys("C-u", csv, "Enter");
        t.WaitFor("Wrote ");
        File.ReadAllText(csv).Should().Be(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Expected", "operations-2005-09-30.csv")));

        t.Keys("q");
        TerminalIsUsable(t);
        var log = File.ReadAllLines(frames);
        // A frame that changed nothing on screen (a progress tick with the same figures) writes nothing, which is right.
        log.Should().NotBeEmpty().And.OnlyContain(
            l => l.EndsWith(" writes=1", StringComparison.Ordinal) || l.EndsWith(" bytes=0 writes=0", StringComparison.Ordinal),
            "every frame that changes the screen is one write");
        // Background work (the import's progress, a status message's timer) may share a frame with keys: only the keys count.
        return [.. log.Select(l => string.Join(',', l.Split(' ')[1]["cause=".Length..].Split(',').Where(c => c is not ("invoke" or "timer" or "start"))))
            .Where(c => c.Length > 0)];
    }
}

/// <summary>
/// Synthetic stores for scale tests, made once per machine and schema (they take minutes) and kept in the temp
/// folder; a store is written under a temporary name and renamed only when complete.
/// </summary>
internal static class ScaleStore
{
    public static string Get(int count)
    {
        var dir = Path.Combine(Path.GetTempPath(), "filingtui-tests");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"synthetic-{count}-p{Core.Import.ImportPipeline.ParserVersion}-s{FilingStore.LatestSchemaVersion}.db");
        if (File.Exists(path))
        {
            return path;
        }

        var partial = path + ".partial";
        foreach (var stale in Directory.GetFiles(dir, Path.GetFileName(partial) + "*"))
        {
            File.Delete(stale);
        }

        Bench.SyntheticStore.Fill(partial, [.. Directory.GetFiles(TempStore.Samples).Order().Select(File.ReadAllText)], count);
        // Closing the last connection checkpoints the WAL into the file, so the file alone is the whole store.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (File.Exists(partial + "-wal") && new FileInfo(partial + "-wal").Length > 0)
        {
            throw new InvalidOperationException($"{partial}: the write-ahead log was not checkpointed");
        }

        File.Move(partial, path);
        return path;
    }
}
