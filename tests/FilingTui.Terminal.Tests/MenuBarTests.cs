using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;

namespace FilingTui.Terminal.Tests;

public class MenuBarTests
{
    private readonly List<string> _ran = [];

    private (FakeDriver Driver, Application App, MenuBar Bar, ListView List) Build()
    {
        var driver = new FakeDriver(40, 10);
        var app = Screens.App(driver, ColorProfile.None);
        var bar = new MenuBar();
        bar.Menus.Add(new MenuBarItem("_File", [new MenuItem("_Open...", () => _ran.Add("open"), "o"), new MenuItem("_Quit", () => _ran.Add("quit"), "q")]));
        bar.Menus.Add(new MenuBarItem("_View", [new MenuItem("_Raw text", () => _ran.Add("raw"), "r")]));
        bar.Menus.Add(new MenuBarItem("_Help", [new MenuItem("_Keys", () => _ran.Add("keys"), "F1")]));
        var list = new ListView { Source = new ArraySource("one", "two", "three") };
        app.Add(bar);
        app.Add(list);
        app.SetFocus(list);
        app.Layout = (w, h) =>
        {
            bar.Frame = new Rect(0, 0, w, 1);
            list.Frame = new Rect(0, 1, w, h - 1);
        };
        app.DrawFrame();
        return (driver, app, bar, list);
    }

    [Fact]
    public void The_bar_shows_titles_with_underlined_hotkeys()
    {
        var (driver, _, _, _) = Build();
        var screen = Screens.Replay(driver);
        Screens.Rows(screen)[0].Should().StartWith(" File  View  Help ");
        screen[1, 0].Attr.Style.Should().HaveFlag(Style.Underline, "F of File is its hotkey");
        screen[2, 0].Attr.Style.Should().NotHaveFlag(Style.Underline);
        screen[10, 0].Attr.Style.Should().HaveFlag(Style.Reverse, "the bar is drawn in reverse video even without colour");
    }

    [Fact]
    public void F10_drops_the_first_menu_down_and_Enter_runs_the_selected_item()
    {
        var (driver, app, bar, _) = Build();
        driver.Enqueue(Key.F10);
        app.RunIteration(TimeSpan.Zero);
        bar.OpenIndex.Should().Be(0);
        var rows = Screens.Rows(Screens.Replay(driver));
        rows[1].Should().StartWith("┌");
        rows[2].Should().StartWith("│ Open...").And.Contain("o │");
        rows[3].Should().StartWith("│ Quit").And.Contain("q │");
        rows[4].Should().StartWith("└");

        driver.Enqueue(Key.Down);
        driver.Enqueue(Key.Enter);
        app.RunIteration(TimeSpan.Zero);
        _ran.Should().Equal("quit");
        bar.OpenIndex.Should().BeNull();
        app.Modal.Should().BeNull();
        Screens.Rows(Screens.Replay(driver))[2].Should().Contain("two", "the menu is gone and the list shows again");
    }

    [Fact]
    public void Alt_letter_opens_that_menu_arrows_walk_the_bar_and_a_hotkey_runs_an_item()
    {
        var (driver, app, bar, _) = Build();
        driver.Enqueue(Key.AltChar('v'));
        app.RunIteration(TimeSpan.Zero);
        bar.OpenIndex.Should().Be(1);
        Screens.Rows(Screens.Replay(driver))[2].Should().Contain("Raw text");

        driver.Enqueue(Key.Right);
        app.RunIteration(TimeSpan.Zero);
        bar.OpenIndex.Should().Be(2);
        driver.Enqueue(Key.Right);
        app.RunIteration(TimeSpan.Zero);
        bar.OpenIndex.Should().Be(0, "Right from the last menu wraps to the first");

        driver.Enqueue(Key.Char('o'));
        app.RunIteration(TimeSpan.Zero);
        _ran.Should().Equal("open");
        bar.OpenIndex.Should().BeNull();
    }

    [Fact]
    public void An_open_menu_keeps_keys_from_the_panes_and_Esc_closes_it_without_running_anything()
    {
        var (driver, app, bar, list) = Build();
        driver.Enqueue(Key.AltChar('f'));
        driver.Enqueue(Key.Char('j'));
        driver.Enqueue(Key.Char('x'));
        app.RunIteration(TimeSpan.Zero);
        list.SelectedItem.Should().Be(0, "j went to the menu, not to the list behind it");
        bar.OpenIndex.Should().Be(0);

        driver.Enqueue(Key.Esc);
        app.RunIteration(TimeSpan.Zero);
        bar.OpenIndex.Should().BeNull();
        _ran.Should().BeEmpty();
        driver.Enqueue(Key.Char('j'));
        app.RunIteration(TimeSpan.Zero);
        list.SelectedItem.Should().Be(1);
    }

    [Fact]
    public void Help_is_generated_from_shortcuts_menus_and_pane_bindings()
    {
        var (_, app, _, list) = Build();
        app.Shortcuts.Add("File", "Import files", () => { }, Key.Char('i'));
        app.Shortcuts.Add("File", "Quit", () => { }, Key.Char('q'), Key.CtrlChar('c'));
        list.Title = "Filings";

        var text = KeyHelp.Build(app).Select(p => p.Text.TrimEnd()).ToList();
        text.Should().Contain("Screen").And.Contain("File").And.Contain("Menus").And.Contain("In the Filings pane");
        text.Should().Contain(l => l.StartsWith("  i ") && l.EndsWith("Import files"));
        text.Should().Contain(l => l.StartsWith("  q, Ctrl+C ") && l.EndsWith("Quit"));
        text.Should().Contain(l => l.StartsWith("  Tab ") && l.EndsWith("Next pane"));
        text.Should().Contain(l => l.StartsWith("  Alt+V ") && l.Contains("View menu: Raw text"));
        text.Should().Contain(l => l.StartsWith("  Down, j ") && l.EndsWith("Move down"), "keys for one command are listed together");

        // A binding added later appears without anyone editing the help.
        app.Shortcuts.Add("Go", "Find", () => { }, Key.Char('/'));
        KeyHelp.Build(app).Select(p => p.Text.TrimEnd()).Should().Contain(l => l.StartsWith("  / ") && l.EndsWith("Find"));
    }

    [Fact]
    public void Typing_into_a_list_filter_narrows_it_and_Esc_clears_it()
    {
        var (driver, app, _, list) = Build();
        var seen = new List<string?>();
        list.FilterChanged += seen.Add;
        list.BeginFilter();
        driver.EnqueueChars("tj");
        driver.Enqueue(Key.Backspace);
        app.RunIteration(TimeSpan.Zero);
        seen.Should().Equal("t", "tj", "t");
        list.SelectedItem.Should().Be(0, "j typed into the filter is a letter, not a move");
        var rows = Screens.Rows(Screens.Replay(driver));
        rows[^1].Should().StartWith("Filter: t▏");

        driver.Enqueue(Key.Enter);
        app.RunIteration(TimeSpan.Zero);
        list.Filtering.Should().BeFalse();
        list.FilterText.Should().Be("t");
        driver.Enqueue(Key.Char('j'));
        app.RunIteration(TimeSpan.Zero);
        list.SelectedItem.Should().Be(1, "after Enter the keys move through the list again");

        list.BeginFilter();
        driver.Enqueue(Key.Esc);
        app.RunIteration(TimeSpan.Zero);
        seen.Should().Equal("t", "tj", "t", null);
        list.FilterText.Should().BeNull();
        Screens.Rows(Screens.Replay(driver))[^1].Should().NotContain("Filter");
    }
}
