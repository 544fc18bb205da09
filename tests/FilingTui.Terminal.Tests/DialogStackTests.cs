using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;

namespace FilingTui.Terminal.Tests;

public sealed class DialogStackTests
{
    [Fact]
    public void A_prompt_that_answers_in_a_box_closes_under_it_and_Esc_then_closes_the_box()
    {
        var driver = new FakeDriver(60, 16);
        var app = Screens.App(driver);
        var prompt = new InputDialog("Go to", "Where to:");
        MessageBox? answer = null;
        prompt.Accept = text =>
        {
            answer = new MessageBox("Answer", $"you asked for {text}");
            answer.Show(app);
            return null;
        };
        prompt.Show(app);
        app.DrawFrame();
        foreach (var c in "north")
        {
            driver.Enqueue(Key.Char(c));
        }

        driver.Enqueue(Key.Enter);
        app.RunIteration(TimeSpan.Zero);

        app.Modal.Should().BeSameAs(answer);
        var screen = Screens.Replay(driver);
        var text = string.Join('\n', Screens.Rows(screen));
        text.Should().Contain("you asked for north").And.NotContain("Where to:");

        driver.Enqueue(Key.Esc);
        app.RunIteration(TimeSpan.Zero);
        app.Modal.Should().BeNull("the prompt closed when it answered, so nothing is left under the box");
    }

    [Fact]
    public void Closing_a_dialog_that_is_not_open_changes_nothing()
    {
        var app = Screens.App(new FakeDriver(40, 10));
        var open = new MessageBox("Open", "here");
        open.Show(app);
        app.CloseModal(new MessageBox("Never shown", "no"));
        app.Modal.Should().BeSameAs(open);
    }
}
