using System.Text.RegularExpressions;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;

namespace FilingTui.Terminal.Tests;

public class RendererTests
{
    private static HashSet<int> RowsWritten(string frame)
    {
        var rows = new HashSet<int>();
        foreach (Match m in Regex.Matches(frame, @"\e\[(\d+);(\d+)H"))
        {
            rows.Add(int.Parse(m.Groups[1].Value) - 1);
        }

        return rows;
    }

    [Fact]
    public void Moving_the_selection_down_one_row_writes_only_the_two_changed_rows()
    {
        var driver = new FakeDriver(40, 12);
        var list = new ListView { Source = new ArraySource([.. Enumerable.Range(0, 50).Select(i => $"filing {i}")]) };
        var app = Screens.Show(driver, list);
        var writes = driver.Writes.Count;
        driver.Enqueue(Key.Down);
        app.RunIteration(TimeSpan.Zero);
        driver.Writes.Should().HaveCount(writes + 1, "one write per frame");
        var frame = driver.Writes[^1];
        RowsWritten(frame).Should().BeEquivalentTo([0, 1]);
        frame.Should().NotContain("filing 5", "unchanged rows are not rewritten");
    }

    [Fact]
    public void Fifty_queued_keys_make_one_frame()
    {
        var driver = new FakeDriver(40, 12);
        var list = new ListView { Source = new ArraySource([.. Enumerable.Range(0, 100).Select(i => $"row {i}")]) };
        var app = Screens.Show(driver, list);
        var frames = app.Frames;
        for (var i = 0; i < 50; i++)
        {
            driver.Enqueue(Key.Down);
        }

        app.RunIteration(TimeSpan.Zero);
        app.Frames.Should().Be(frames + 1);
        list.SelectedItem.Should().Be(50);
    }

    [Fact]
    public void Escape_sequences_in_data_never_reach_the_terminal()
    {
        var driver = new FakeDriver(30, 3);
        var list = new ListView { Source = new ArraySource("evil \u001b[2J clear", "osc \u001b]52;c;AAAA\u0007") };
        var app = Screens.Show(driver, list);
        var frame = driver.Writes[^1];
        Regex.Matches(frame, "\u001b(?!\\[[0-9;?]*[A-Za-z])").Should().BeEmpty("every ESC written starts one of our own CSI sequences");
        frame.Should().NotContain("\u001b[2J clear").And.NotContain("\u0007");
        Screens.Replay(driver).RowText(0).Should().Contain("␛[2J clear");
    }

    [Fact]
    public void A_wide_character_at_the_last_column_becomes_a_space_and_half_overwrites_are_repaired()
    {
        var buffer = new CellBuffer(6, 1);
        buffer.Put(0, 0, "abcde漢", Drawing.Attribute.Normal, new Rect(0, 0, 6, 1));
        buffer.RowText(0).Should().Be("abcde ");
        buffer.Put(0, 0, "漢字x", Drawing.Attribute.Normal, new Rect(0, 0, 6, 1));
        buffer.RowText(0).Should().Be("漢字x ");
        buffer.Put(1, 0, "z", Drawing.Attribute.Normal, new Rect(0, 0, 6, 1));
        buffer.RowText(0).Should().Be(" z字x ");

        var renderer = new Renderer(6, 1, ColorProfile.Ansi16);
        var screen = new VirtualScreen(6, 1);
        var b = new CellBuffer(6, 1);
        b.Put(0, 0, "漢字", Drawing.Attribute.Normal, new Rect(0, 0, 6, 1));
        screen.Apply(renderer.Render(b));
        b.Put(1, 0, "ab", Drawing.Attribute.Normal, new Rect(0, 0, 6, 1));
        screen.Apply(renderer.Render(b));
        screen.RowText(0).Should().Be(b.RowText(0));
    }

    [Fact]
    public void No_colour_profile_writes_no_colour_codes_but_keeps_reverse_video()
    {
        var driver = new FakeDriver(30, 4);
        var app = Screens.App(driver, ColorProfiles.Detect(name => name == "NO_COLOR" ? "1" : name == "TERM" ? "xterm-256color" : null));
        var list = new ListView { Border = true, Title = "T", Source = new ArraySource("a", "b") };
        app.Add(list);
        app.Layout = (w, h) => list.Frame = new Rect(0, 0, w, h);
        app.DrawFrame();
        var screen = Screens.Replay(driver);
        screen.SgrColorCodes.Should().Be(0);
        screen[2, 1].Attr.Style.Should().HaveFlag(Style.Reverse);
    }

    [Fact]
    public void A_resize_repaints_everything_at_the_new_size()
    {
        var driver = new FakeDriver(20, 4);
        var list = new ListView { Border = true, Title = "List", Source = new ArraySource("one") };
        var app = Screens.Show(driver, list);
        driver.Resize(30, 6);
        app.RunIteration(TimeSpan.Zero);
        driver.Writes[^1].Should().StartWith("\u001b[0m\u001b[2J");
        var screen = new VirtualScreen(30, 6);
        screen.Apply(driver.Writes[^1]);
        screen.RowText(0).Should().Be("┌List────────────────────────┐");
        screen.RowText(5).Should().Be("└────────────────────────────┘");
    }
}
