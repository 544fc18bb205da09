using FilingTui.App.Tui;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;

namespace FilingTui.App.Tests;

public sealed class MainScreenTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static VirtualScreen Replay(FakeDriver d)
    {
        var s = new VirtualScreen(d.Cols, d.Rows);
        s.Apply(d.AllOutput);
        return s;
    }

    [Fact]
    public void At_80x24_lists_the_samples_newest_first_with_the_selected_filing_beside_them()
    {
        using var store = _tmp.OpenWithSamples();
        var driver = new FakeDriver(80, 24);
        var screen = new MainScreen(store, driver, ColorProfile.None);
        driver.Init();
        screen.App.DrawFrame();
        var s = Replay(driver);
        s.RowText(3).Should().StartWith("│▶2011-01-27 IMGN Q2 FY11 ✓│");
        s.RowText(4).Should().StartWith("│ 2005-11-03 IMGN Q1 FY06 ✓│");
        s.RowText(5).Should().StartWith("│ 2003-05-08 IMGN Q3 FY03 ✓│");
        s.RowText(1).Should().Contain("ImmunoGen, Inc. (IMGN) · Q2 FY2011 (2010Q4, 3M ended 2010-12-31)");
        s.Text().Should().Contain("Operations │ Balance sheet").And.Contain("4,178");
        s.RowText(23).Should().StartWith("F1 Help");
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
        Replay(driver).Text().Should().Contain("7,778").And.Contain("Update on ImmunoGen Product Candidates in Clinical Testing");
        driver.Enqueue(Key.Esc);
        screen.App.RunIteration(TimeSpan.Zero);
        screen.App.Stopped.Should().BeFalse("Esc never quits");
        driver.Enqueue(Key.Char('q'));
        screen.App.RunIteration(TimeSpan.Zero);
        screen.App.Stopped.Should().BeTrue();
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
        Replay(driver).RowText(29).Should().Contain("Enter History");
        driver.Enqueue(Key.Tab);
        screen.App.RunIteration(TimeSpan.Zero);
        Replay(driver).RowText(29).Should().Contain("n/N Match");
    }
}
