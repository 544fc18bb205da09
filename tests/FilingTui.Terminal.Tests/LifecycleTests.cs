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
}
