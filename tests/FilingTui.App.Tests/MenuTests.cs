using System.Text.RegularExpressions;
using FilingTui.App.Tui;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;

namespace FilingTui.App.Tests;

public sealed class MenuTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private (FakeDriver Driver, MainScreen Screen) Open(Data.FilingStore store, ColorProfile profile = ColorProfile.None)
    {
        var driver = new FakeDriver(100, 30);
        var screen = new MainScreen(store, driver, profile);
        driver.Init();
        screen.App.DrawFrame();
        return (driver, screen);
    }

    private static string Press(FakeDriver driver, MainScreen screen, params Key[] keys)
    {
        foreach (var k in keys)
        {
            driver.Enqueue(k);
        }

        screen.App.RunIteration(TimeSpan.Zero);
        return Screen.Of(driver).Text();
    }

    /// <summary>Presses the keys, then turns the loop until the work they started (a search) has answered.</summary>
    private static string PressAndWait(FakeDriver driver, MainScreen screen, params Key[] keys)
    {
        Press(driver, screen, keys);
        for (var deadline = DateTime.UtcNow.AddSeconds(30); screen.App.PendingWork > 0 && DateTime.UtcNow < deadline;)
        {
            screen.App.RunIteration(TimeSpan.FromMilliseconds(5));
        }

        screen.App.PendingWork.Should().Be(0, "the search answers within 30 s");
        return Screen.Of(driver).Text();
    }

    [Fact]
    public void F10_drops_down_the_File_menu_with_every_command_and_its_key()
    {
        using var store = _tmp.OpenWithSamples();
        var (driver, screen) = Open(store);
        var rows = Press(driver, screen, Key.F10).Split('\n');
        rows[0].Should().StartWith(" File  View  Go  Help");
        string[] items = ["Import... ", "Import log ", "Re-parse all ", "Export... ", "Copy statement ", "Quit "];
        string[] keys = ["i", "L", "R", "e", "y", "q"];
        for (var i = 0; i < items.Length; i++)
        {
            rows[2 + i].Should().StartWith("│ " + items[i]);
            rows[2 + i].Should().MatchRegex($@"\s{Regex.Escape(keys[i])} │", "the key is shown at the item's right");
        }

        rows = Press(driver, screen, Key.Right).Split('\n');
        rows[2].Should().Contain("All sections");
        rows[4].Should().Contain("Company filter");
        rows = Press(driver, screen, Key.Esc).Split('\n');
        rows[2].Should().NotContain("All sections");
        screen.App.Modal.Should().BeNull();
    }

    [Fact]
    public void A_menu_item_runs_the_same_command_as_its_key()
    {
        using var store = _tmp.OpenWithSamples();
        var (driver, screen) = Open(store);
        Press(driver, screen, Key.AltChar('g'), Key.Char('q')).Should().Contain("Go to quarter");
        driver.EnqueueChars("FY2006Q1");
        Press(driver, screen, Key.Enter).Should().Contain("7,778");
        screen.Current!.Period!.End.Should().Be(new DateOnly(2005, 9, 30));
    }

    [Fact]
    public void The_keys_help_is_generated_from_the_bindings()
    {
        using var store = _tmp.OpenWithSamples();
        var (driver, screen) = Open(store);
        var text = Press(driver, screen, Key.AltChar('h'), Key.Char('k'));
        for (var page = 0; page < 6; page++)
        {
            text += Press(driver, screen, Key.PageDown);
        }

        text.Should().Contain("Import files or folders").And.Contain("Parse every stored filing again");
        text.Should().Contain("Alt+G").And.Contain("Go menu: Go to quarter...");
        text.Should().Contain("F1, ?").And.Contain("In the Filings pane").And.Contain("Marks in the filing list");
    }

    [Fact]
    public void The_import_log_lists_every_attempt_with_its_outcome_and_path()
    {
        using var store = _tmp.OpenWithSamples();
        var again = Path.Combine(TempStore.Samples, "immunogen-2003-03-31-8k.txt");
        store.Import(again, File.ReadAllBytes(again));
        store.LogFailure("/nowhere/missing.txt", "no such file or folder");
        var (driver, screen) = Open(store);
        var rows = Press(driver, screen, Key.Char('L')).Split('\n');
        rows.Should().Contain(r => r.Contains("The last 5 import attempts, newest first"));
        rows.Should().Contain(r => r.Contains("failed") && r.Contains("missing.txt · no such file or folder"));
        rows.Should().Contain(r => r.Contains("duplicate") && r.Contains("immunogen-2003-03-31-8k.txt"));
        rows.Count(r => Regex.IsMatch(r, @"imported\s+\S*immunogen-")).Should().Be(3);
    }

    [Fact]
    public void Re_parse_all_from_the_menu_runs_in_the_background_and_sums_up()
    {
        using var store = _tmp.OpenWithSamples();
        var (driver, screen) = Open(store);
        Press(driver, screen, Key.AltChar('f'), Key.Char('r'));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string text;
        do
        {
            screen.App.RunIteration(TimeSpan.FromMilliseconds(20));
            text = Screen.Of(driver).Text();
        }
        while (!text.Contains("Re-parse summary", StringComparison.Ordinal) && DateTime.UtcNow < deadline);
        text.Should().Contain($"3 re-parsed with parser version {Core.Import.ImportPipeline.ParserVersion}, 0 changed status, 0 failed");
        store.Count().Should().Be(3);
        Press(driver, screen, Key.Esc).Should().Contain("4,178", "the newest filing stays selected and is read again");
    }

    [Fact]
    public void Colour_off_repaints_without_any_colour_sequence()
    {
        using var store = _tmp.OpenWithSamples();
        var (driver, screen) = Open(store, ColorProfile.Ansi16);
        var colour = new Regex(@"\e\[[0-9;]*\b(3[0-7]|9[0-7]|4[0-7])m");
        colour.IsMatch(driver.AllOutput).Should().BeTrue("the screen starts in colour");
        var before = driver.Writes.Count;
        Press(driver, screen, Key.Char('c'));
        var frame = string.Concat(driver.Writes.Skip(before));
        frame.Should().Contain("\e[2J", "a profile change repaints everything");
        colour.IsMatch(frame).Should().BeFalse();
        Screen.Of(driver).Text().Should().Contain("Colour off");
    }

    [Fact]
    public void Find_lists_hits_with_highlighted_snippets_the_filing_being_read_first_and_Enter_opens_one()
    {
        using var store = _tmp.OpenWithSamples();
        var (driver, screen) = Open(store);
        screen.GoTo("FY2006Q1").Should().BeNull();
        Press(driver, screen, Key.Char('/'));
        driver.EnqueueChars("multiple myeloma");
        var rows = PressAndWait(driver, screen, Key.Enter).Split('\n');
        var hits = rows.Where(r => r.Contains("ImmunoGen", StringComparison.Ordinal) && r.Contains("multiple myeloma", StringComparison.OrdinalIgnoreCase)).ToList();
        hits.Should().HaveCountGreaterThan(2);
        hits[0].Should().Contain("2005-11-03", "the filing being read comes first");
        hits.Should().Contain(r => r.Contains("2011-01-27"));
        rows.Should().Contain(r => r.Contains("matches for multiple myeloma"));

        var s = Screen.Of(driver);
        // A row that is not the selected one (that one is drawn bold and underlined whole).
        var y = Array.FindIndex(rows, r => r.Contains(" 2005-11-03", StringComparison.Ordinal) && !r.Contains('▶') && r.Contains("multiple myeloma", StringComparison.OrdinalIgnoreCase));
        var x = rows[y].IndexOf("multiple myeloma", StringComparison.OrdinalIgnoreCase);
        s[x, y].Attr.Style.Should().HaveFlag(Terminal.Drawing.Style.Bold, "the matched words are highlighted");
        s[x - 2, y].Attr.Style.Should().NotHaveFlag(Terminal.Drawing.Style.Bold);

        var text = Press(driver, screen, Key.Enter);
        text.Should().NotContain("matches for");
        text.Should().Contain("All sections").And.Contain("multiple myeloma");
        screen.Current!.Period!.End.Should().Be(new DateOnly(2005, 9, 30));
    }

    [Fact]
    public void Find_with_broken_search_syntax_says_so_plainly()
    {
        using var store = _tmp.OpenWithSamples();
        var (driver, screen) = Open(store);
        Press(driver, screen, Key.Char('/'));
        driver.EnqueueChars("\"multiple myeloma");
        PressAndWait(driver, screen, Key.Enter).Should().Contain("is not valid search syntax");
        driver.Enqueue(new Key(KeyCode.Char, 'u', Ctrl: true));
        driver.EnqueueChars("zzyzx");
        PressAndWait(driver, screen, Key.Enter).Should().Contain("No filing mentions \"zzyzx\"");
    }
}
