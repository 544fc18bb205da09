using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;

namespace FilingTui.Terminal.Tests;

public class LifecycleTests
{
    private sealed class Throwing : View
    {
        protected override void DrawContent(CellBuffer buffer, Rect inner) => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void Output_starts_with_alternate_screen_and_hidden_cursor_and_restores_them_when_a_view_throws()
    {
        var driver = new FakeDriver(20, 5);
        var app = new Application(driver, ColorProfile.Ansi16);
        var view = new Throwing();
        app.Add(view);
        app.Layout = (w, h) => view.Frame = new Rect(0, 0, w, h);
        var act = () => app.Run();
        act.Should().Throw<InvalidOperationException>();
        driver.AllOutput.Should().StartWith("\u001b[?1049h\u001b[?25l\u001b[?2004h");
        driver.AllOutput.Should().EndWith("\u001b[?2004l\u001b[?25h\u001b[?1049l");
        driver.EndCount.Should().Be(1);
        var screen = Screens.Replay(driver);
        screen.AlternateScreen.Should().BeFalse();
        screen.CursorVisible.Should().BeTrue();
    }

    [Fact]
    public void The_first_frame_is_drawn_without_waiting_for_a_key_and_an_idle_loop_then_waits()
    {
        var driver = new FakeDriver(20, 5);
        var app = Screens.App(driver);
        var list = new ListView { Source = new ArraySource("alpha", "beta") };
        app.Add(list);
        app.Layout = (w, h) => list.Frame = new Rect(0, 0, w, h);
        driver.Init();

        app.RunIteration(TimeSpan.FromMilliseconds(250));
        driver.ReadWaits.Should().Equal(TimeSpan.Zero);
        Screens.Replay(driver).Contains("alpha").Should().BeTrue("the frame is drawn in the same turn, not after a 250 ms wait");

        app.RunIteration(TimeSpan.FromMilliseconds(250));
        driver.ReadWaits.Should().Equal(TimeSpan.Zero, TimeSpan.FromMilliseconds(250));

        app.SetNeedsDraw();
        app.RunIteration(TimeSpan.FromMilliseconds(250));
        driver.ReadWaits[^1].Should().Be(TimeSpan.Zero, "a frame asked for between turns is drawn at once too");
    }

    [Fact]
    public void End_restores_exactly_once()
    {
        var driver = new FakeDriver();
        driver.Init();
        driver.End();
        driver.End();
        driver.EndCount.Should().Be(1);
    }

    [Fact]
    public void Pasted_q_is_text_not_a_quit_command()
    {
        var driver = new FakeDriver(20, 5);
        var app = Screens.App(driver);
        var list = new ListView { Source = new ArraySource("a", "b") };
        app.Add(list);
        app.Layout = (w, h) => list.Frame = new Rect(0, 0, w, h);
        app.Shortcuts.Add("App", "Quit", app.RequestStop, Key.Char('q'));
        driver.EnqueueBytes("\u001b[200~q\u001b[201~"u8.ToArray());
        app.RunIteration(TimeSpan.Zero);
        app.Stopped.Should().BeFalse("a pasted q is text for the focused view, never the quit key");

        var field = new TextField();
        app.Add(field);
        app.SetFocus(field);
        driver.EnqueueBytes("\u001b[200~q\u001b[201~"u8.ToArray());
        app.RunIteration(TimeSpan.Zero);
        field.Text.Should().Be("q");

        app.SetFocus(list);
        driver.Enqueue(Key.Char('q'));
        app.RunIteration(TimeSpan.Zero);
        app.Stopped.Should().BeTrue("the same q typed is the quit key");
    }

    [Fact]
    public void Ctrl_L_repaints_every_cell()
    {
        var driver = new FakeDriver(10, 2);
        var app = Screens.App(driver);
        var label = new Label { Text = "hello" };
        app.Add(label);
        app.Layout = (w, h) => label.Frame = new Rect(0, 0, w, 1);
        app.DrawFrame();
        driver.Enqueue(Key.CtrlChar('l'));
        app.RunIteration(TimeSpan.Zero);
        driver.Writes[^1].Should().Contain("\u001b[2J").And.Contain("hello");
    }

    [Fact]
    public void The_frame_log_names_the_keys_behind_each_frame_with_its_bytes_and_writes()
    {
        var driver = new FakeDriver(20, 5);
        var app = Screens.App(driver);
        var log = new StringWriter();
        app.FrameLog = log;
        var list = new ListView { Source = new ArraySource("a", "b", "c") };
        app.Add(list);
        app.Layout = (w, h) => list.Frame = new Rect(0, 0, w, h);
        app.DrawFrame();
        driver.Enqueue(Key.Char('j'));
        driver.Enqueue(Key.Down);
        app.RunIteration(TimeSpan.Zero);
        app.Write("\e]52;c;eA==\a");
        driver.Enqueue(Key.Char('k'));
        app.RunIteration(TimeSpan.Zero);

        var lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(3);
        lines[0].Should().StartWith("frame=1 cause=start ");
        lines[1].Should().MatchRegex(@"^frame=2 cause=j,Down ms=\d+\.\d\d bytes=\d+ writes=1$");
        var bytes = System.Text.Encoding.UTF8.GetByteCount(driver.Writes[^3]);
        lines[1].Should().Contain($" bytes={bytes} ");
        lines[2].Should().MatchRegex(@"^frame=3 cause=k .* writes=2$", "the copy written between frames is counted with the next");
    }
}
