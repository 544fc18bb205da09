using FilingTui.App.Tui;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;

namespace FilingTui.App.Tests;

public sealed class MainScreenTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void At_80x24_lists_the_samples_newest_first_with_the_selected_filing_beside_them()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(80, 24);
        var screen = new MainScreen(store, driver, ColorProfile.None);
        driver.Init();
        screen.App.DrawFrame();
        var s = Screen.Of(driver);
        s.RowText(3).Should().StartWith("│▶2011-01-27 IMGN Q2 FY11 ✓│");
        s.RowText(4).Should().StartWith("│ 2005-11-03 IMGN Q1 FY06 ✓│");
        s.RowText(5).Should().StartWith("│ 2003-05-08 IMGN Q3 FY03 ✓│");
        s.RowText(1).Should().Contain("ImmunoGen, Inc. (IMGN) · Q2 FY2011 (2010Q4, 3M ended 2010-12-31)");
        s.Text().Should().Contain("Operations │ Balance sheet").And.Contain("4,178");
        s.RowText(23).Should().StartWith("F1 Help");
    }

    [Fact]
    public void A_newer_status_message_stays_its_full_time_when_an_older_ones_time_runs_out()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, ColorProfile.Ansi16);
        driver.Init();
        screen.App.DrawFrame();

        // The status bar after a key (or none) at a moment some milliseconds on.
        string StatusAfter(int ms, Key? key = null)
        {
            driver.NowMs += ms;
            if (key is Key k)
            {
                driver.Enqueue(k);
            }

            screen.App.RunIteration(TimeSpan.Zero);
            return Screen.Of(driver).RowText(29);
        }

        StatusAfter(0, Key.Char('c')).Should().Contain("Colour off");
        StatusAfter(3_000, Key.Char('c')).Should().Contain("Colour on");
        StatusAfter(1_500).Should().Contain("Colour on", "the first message's four seconds are up, not the second's");
        StatusAfter(3_000).Should().NotContain("Colour").And.StartWith("F1 Help");
    }

    [Fact]
    public void Moving_down_shows_the_next_filing_and_q_quits()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, ColorProfile.Ansi16);
        driver.Init();
        screen.App.DrawFrame();
        driver.Enqueue(Key.Char('j'));
        screen.App.RunIteration(TimeSpan.Zero);
        screen.Current!.Period!.FiscalLabel.Should().Be("Q1 FY2006");
        Screen.Of(driver).Text().Should().Contain("7,778").And.Contain("Update on ImmunoGen Product Candidates in Clinical Testing");
        driver.Enqueue(Key.Esc);
        screen.App.RunIteration(TimeSpan.Zero);
        screen.App.Stopped.Should().BeFalse("Esc never quits");
        driver.Enqueue(Key.Char('q'));
        screen.App.RunIteration(TimeSpan.Zero);
        screen.App.Stopped.Should().BeTrue();
    }

    [Fact]
    public void A_filing_slower_than_the_wait_is_drawn_when_it_comes_and_a_load_left_behind_is_never_shown()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, ColorProfile.None) { LoadWait = TimeSpan.Zero };
        driver.Init();
        screen.App.DrawFrame();
        var loads = new List<(long Id, CancellationToken Cancel, TaskCompletionSource<Core.Model.Filing?> Done)>();
        screen.Loader = (id, cancel) =>
        {
            var done = new TaskCompletionSource<Core.Model.Filing?>(TaskCreationOptions.RunContinuationsAsynchronously);
            loads.Add((id, cancel, done));
            return done.Task;
        };

        driver.Enqueue(Key.Char('j'));
        screen.App.RunIteration(TimeSpan.Zero);
        var s = Screen.Of(driver);
        s.RowText(1).Should().Be(" ImmunoGen, Inc. (IMGN) · 2005Q3 · 8-K · loading…".PadRight(100), "the list row says which filing is coming");
        s.RowText(4).Should().Contain("▶2005-11-03 IMGN");
        s.Text().Should().Contain("Loading…").And.NotContain("(no table)").And.NotContain("7,778").And.NotContain("4,178", "the filing left behind is not shown as the selected one");
        screen.Current.Should().BeNull();

        // A second key before the first filing came: the first load is cancelled, and its late answer is dropped.
        driver.Enqueue(Key.Char('j'));
        screen.App.RunIteration(TimeSpan.Zero);
        loads.Should().HaveCount(2);
        loads[0].Cancel.IsCancellationRequested.Should().BeTrue();
        loads[0].Done.SetResult(store.Load(loads[0].Id));
        TurnUntilAnswered(screen, left: 1);
        screen.Current.Should().BeNull("the answer for a filing no longer selected is dropped");
        Screen.Of(driver).Text().Should().Contain("Loading…").And.NotContain("7,778");
        loads[1].Done.SetResult(store.Load(loads[1].Id));
        TurnUntilAnswered(screen);
        screen.Current!.Period!.FiscalLabel.Should().Be("Q3 FY2003");
        s = Screen.Of(driver);
        s.RowText(1).Should().Contain("ImmunoGen, Inc. (IMGN) · Q3 FY2003").And.NotContain("loading");
        s.Text().Should().NotContain("Loading…").And.NotContain("7,778");
    }

    [Fact]
    public void A_store_failure_met_by_a_load_that_came_late_is_told_in_a_message()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, ColorProfile.None) { LoadWait = TimeSpan.Zero };
        driver.Init();
        screen.App.DrawFrame();
        var failing = new TaskCompletionSource<Core.Model.Filing?>();
        screen.Loader = (_, _) => failing.Task;
        driver.Enqueue(Key.Char('j'));
        screen.App.RunIteration(TimeSpan.Zero);
        Screen.Of(driver).Text().Should().Contain("Loading…").And.NotContain("Store problem");
        failing.SetException(new Data.StoreException($"{store.Path} is damaged (database disk image is malformed)."));
        TurnUntilAnswered(screen);
        Screen.Of(driver).Text().Should().Contain("Store problem").And.Contain("is damaged");
    }

    [Fact]
    public void The_heap_is_settled_once_at_the_first_quiet_moment_never_while_keys_come()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, ColorProfile.None);
        var collections = 0;
        screen.Collect = () => collections++;
        driver.Init();
        screen.App.DrawFrame();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); store.PreloadingFilter && DateTime.UtcNow < deadline;)
        {
            Thread.Sleep(5);
        }

        void At(long ms, Key? key = null)
        {
            driver.NowMs = ms;
            if (key is Key k)
            {
                driver.Enqueue(k);
            }

            screen.App.RunIteration(TimeSpan.Zero);
        }

        At(100, Key.Char('j'));
        At(200, Key.Char('j'));
        At(300);
        collections.Should().Be(0, "a key came 100 ms ago");
        At(440);
        collections.Should().Be(0, "the first look found a key too recent and looks again 250 ms later");
        At(560);
        collections.Should().Be(1);
        At(5_000, Key.Char('k'));
        At(10_000);
        collections.Should().Be(1, "once is enough: later young collections find little to copy");
    }

    /// <summary>Turns the loop until the work keys started off the UI thread has been handled on it.</summary>
    private static void TurnUntilAnswered(MainScreen screen, int left = 0)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(30); screen.App.PendingWork > left && DateTime.UtcNow < deadline;)
        {
            screen.App.RunIteration(TimeSpan.FromMilliseconds(5));
            Thread.Sleep(1);
        }

        screen.App.PendingWork.Should().Be(left, "the work answers within 30 s");
    }

    [Fact]
    public void Go_to_quarter_selects_the_filing_and_says_plainly_when_none_covers_it()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(80, 24);
        var screen = new MainScreen(store, driver, ColorProfile.None);
        screen.GoTo("FY2006Q1").Should().BeNull();
        screen.Current!.Period!.End.Should().Be(new DateOnly(2005, 9, 30));
        screen.GoTo("2005-09-30").Should().BeNull();
        screen.GoTo("1999Q1").Should().StartWith("No stored filing covers 1999Q1.");
        screen.GoTo("tomorrow").Should().Contain("is not a quarter");
    }

    [Fact]
    public void Tab_moves_focus_and_the_status_bar_follows_it()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, ColorProfile.None);
        driver.Init();
        driver.Enqueue(Key.Tab);
        screen.App.RunIteration(TimeSpan.Zero);
        Screen.Of(driver).RowText(29).Should().Contain("Enter History");
        driver.Enqueue(Key.Tab);
        screen.App.RunIteration(TimeSpan.Zero);
        Screen.Of(driver).RowText(29).Should().Contain("n/N Match");
    }
}

public sealed class LineHistoryAndExportTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Enter_on_total_revenues_shows_every_filings_quarters()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(100, 40);
        var screen = new MainScreen(store, driver, ColorProfile.None);
        driver.Init();
        screen.GoTo("FY2006Q1").Should().BeNull();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            driver.Enqueue(Key.Down);
        }

        driver.Enqueue(Key.Enter);
        screen.App.RunIteration(TimeSpan.Zero);
        var s = Screen.Of(driver);
        var text = s.Text();
        text.Should().Contain("Total revenues (Revenues) across ImmunoGen, Inc.'s stored filings");
        var rows = text.Split('\n');
        rows.Should().Contain(r => r.Contains("2005Q3 Q1 FY06        7,778   ███", StringComparison.Ordinal));
        rows.Should().Contain(r => r.Contains("2010Q4 Q2 FY11        4,178   ███", StringComparison.Ordinal));
        rows.Should().Contain(r => r.Contains("2003Q1 Q3 FY03        1,456   ███", StringComparison.Ordinal));
        rows.Should().Contain(r => r.Contains("6M to 2010-12-31       7,589   filing #3 (2011-01-27), line 109", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_export_holds_the_statement_as_printed()
    {
        using var store = _tmp.OpenWithSamples();
        var id = store.FindPeriod(Core.Model.QuarterSpec.Parse("FY2006Q1")!).Single().Id;
        var ops = store.Load(id)!.Statements.Single(s => s.Kind == Core.Model.StatementKind.Operations);
        var csv = Export.Csv(ops).Split('\n');
        csv[0].Should().Be("label,section,concept,unit,scale,3M ended 2005-09-30,3M ended 2004-09-30");
        csv.Should().Contain("Total revenues,Revenues,Revenues,USD,1000,7778,9007");
        csv.Should().Contain("\"Net income (loss) per common share, basic and diluted\",,EarningsPerShareBasicAndDiluted,USD/share,1,-0.11,-0.06");
        var path = Path.Combine(_tmp.Dir, "ops.csv");
        Export.Write(path, Export.Csv(ops)).Should().BeNull();
        File.ReadAllText(path).Should().Be(Export.Csv(ops));
        Export.Write(Path.Combine(_tmp.Dir, "missing", "x.csv"), "x").Should().Contain("does not exist");
    }
}

public sealed class ImportFromTheMenuTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Importing_a_folder_with_a_bad_file_from_the_dialog_stores_the_good_ones_and_lists_the_reason()
    {
        var folder = _tmp.FolderWithSamples("in");

        File.WriteAllBytes(Path.Combine(folder, "broken.txt"), []);
        using var store = Data.FilingStore.Open(_tmp.DbPath);
        var (screen, text) = ImportThroughDialog(store, folder);
        text.Should().Contain("3 imported, 0 duplicates, 1 failed");
        text.Should().Contain("broken.txt: the file is");
        store.Count().Should().Be(3);
        screen.Current!.Release!.Date.Should().Be(new DateOnly(2011, 1, 27), "the list selects the newest imported filing");
    }

    [Fact]
    public void EDGAR_submissions_import_from_the_dialog_and_show_their_statements()
    {
        using var store = Data.FilingStore.Open(_tmp.DbPath);
        var (screen, text) = ImportThroughDialog(store, TempStore.DevCorpus);
        text.Should().Contain("4 imported, 0 duplicates, 0 failed");
        store.Count().Should().Be(4);
        screen.Current!.Company.Name.Should().Be("Oracle Corporation");
        ((FakeDriver)screen.App.Driver).Enqueue(Key.Esc);
        screen.App.RunIteration(TimeSpan.Zero);
        var shown = Screen.Of((FakeDriver)screen.App.Driver).Text();
        shown.Should().Contain("Oracle Corporation").And.Contain("Q4 FY2022");
        shown.Should().Contain("Total revenues").And.Contain("11,840").And.Contain("11,227");
    }

    [Fact]
    public void A_key_pressed_during_an_import_is_handled_in_the_next_frame_and_Esc_keeps_what_was_stored()
    {
        var folder = Path.Combine(_tmp.Dir, "many");
        Directory.CreateDirectory(folder);
        var samples = Directory.GetFiles(TempStore.Samples).Order().Select(File.ReadAllText).ToList();
        for (var i = 0; i < 300; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"f{i:D3}.txt"), samples[i % 3] + $"\nCopy {i}.\n");
        }

        using var store = Data.FilingStore.Open(_tmp.DbPath);
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, ColorProfile.None);
        driver.Init();
        driver.Enqueue(Key.Char('i'));
        screen.App.RunIteration(TimeSpan.Zero);
        driver.EnqueuePaste(folder);
        driver.Enqueue(Key.Enter);
        var started = DateTime.UtcNow.AddSeconds(30);
        do
        {
            screen.App.RunIteration(TimeSpan.FromMilliseconds(5));
        }
        while (!Screen.Of(driver).Text().Contains(" of 300 files", StringComparison.Ordinal) && DateTime.UtcNow < started);
        Screen.Of(driver).Text().Should().Contain("Importing").And.Contain(" of 300 files");

        var frames = screen.App.Frames;
        driver.Enqueue(Key.Esc);
        screen.App.RunIteration(TimeSpan.Zero);
        screen.App.Frames.Should().Be(frames + 1);
        Screen.Of(driver).Text().Should().Contain("Cancelling after the current file");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        string text;
        do
        {
            screen.App.RunIteration(TimeSpan.FromMilliseconds(20));
            text = Screen.Of(driver).Text();
        }
        while (!text.Contains("Import summary", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        text.Should().Contain("(cancelled)");
        var stored = store.Count();
        stored.Should().BeLessThan(300, "the import stopped between filings");
        text.Should().Contain($"{stored} imported");
    }

    private static (MainScreen Screen, string Text) ImportThroughDialog(Data.FilingStore store, string folder)
    {
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, ColorProfile.None);
        driver.Init();
        screen.App.DrawFrame();
        driver.Enqueue(Key.Char('i'));
        screen.App.RunIteration(TimeSpan.Zero);
        driver.EnqueuePaste(folder);
        driver.Enqueue(Key.Enter);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string text;
        do
        {
            screen.App.RunIteration(TimeSpan.FromMilliseconds(20));
            Thread.Sleep(10);
            text = Screen.Of(driver).Text();
        }
        while (!text.Contains("Import summary", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        return (screen, text);
    }
}

public sealed class FilterTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Typing_a_company_filter_narrows_the_list_as_you_type_and_Esc_restores_it()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, ColorProfile.None);
        driver.Init();
        driver.Enqueue(Key.Char('f'));
        driver.EnqueueChars("acme");
        screen.App.RunIteration(TimeSpan.Zero);
        var s = Screen.Of(driver);
        s.RowText(2).Should().Contain("Filings · \"acme\" (0)");
        s.RowText(3).Should().Contain("(nothing here)");
        s.RowText(27).Should().Contain("Filter: acme▏");
        s.RowText(1).Should().Contain("No company name or ticker holds \"acme\"", "a filter that matches nothing is not an empty store");
        s.Text().Should().NotContain("No filings yet").And.NotContain("$ thousands", "the filing read before is no longer shown");

        for (var i = 0; i < 4; i++)
        {
            driver.Enqueue(Key.Backspace);
        }

        driver.EnqueueChars("imgn");
        driver.Enqueue(Key.Enter);
        screen.App.RunIteration(TimeSpan.Zero);
        s = Screen.Of(driver);
        s.RowText(2).Should().Contain("Filings · \"imgn\" (3)", "the ticker matches whatever its case");
        s.RowText(27).Should().Contain("Filter: imgn").And.NotContain("▏");

        driver.Enqueue(Key.Char('f'));
        driver.Enqueue(Key.Esc);
        screen.App.RunIteration(TimeSpan.Zero);
        s = Screen.Of(driver);
        s.RowText(2).Should().Contain("┌Filings─");
        Enumerable.Range(3, 3).Select(s.RowText).Should().OnlyContain(r => r.Contains("IMGN"));
        s.Text().Should().NotContain("Filter:");
    }
}
