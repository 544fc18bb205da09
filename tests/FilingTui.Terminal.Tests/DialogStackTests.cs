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
    public void Work_run_on_accepting_keeps_the_screen_answering_and_only_the_latest_run_answers()
    {
        var driver = new FakeDriver(60, 16);
        var app = Screens.App(driver);
        var runs = new List<(string Text, TaskCompletionSource<InputAnswer> Answer, CancellationToken Cancel)>();
        var shown = new List<string>();
        var prompt = new InputDialog("Find", "What:") { BusyMessage = "Looking… (Esc stops)" };
        prompt.AcceptInBackground = (text, cancel) =>
        {
            var answer = new TaskCompletionSource<InputAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (runs)
            {
                runs.Add((text, answer, cancel));
            }

            return answer.Task;
        };
        prompt.Show(app);
        string Screen() => string.Join('\n', Screens.Rows(Screens.Replay(driver)));
        void Settle()
        {
            for (var deadline = DateTime.UtcNow.AddSeconds(10); app.PendingWork > 0 && DateTime.UtcNow < deadline;)
            {
                app.RunIteration(TimeSpan.FromMilliseconds(5));
            }
        }

        void Type(string s, Key then)
        {
            foreach (var c in s)
            {
                driver.Enqueue(Key.Char(c));
            }

            driver.Enqueue(then);
            app.RunIteration(TimeSpan.Zero);
        }

        Type("gold", Key.Enter);
        SpinWait.SpinUntil(() => { lock (runs) { return runs.Count == 1; } }, 10_000).Should().BeTrue();
        prompt.Busy.Should().BeTrue();
        Screen().Should().Contain("Looking… (Esc stops)", "the frame after Enter says the work is under way");
        app.PendingWork.Should().Be(1);

        // Enter again while it runs: the first run is cancelled and its late answer ignored.
        Type("en", Key.Enter);
        SpinWait.SpinUntil(() => { lock (runs) { return runs.Count == 2; } }, 10_000).Should().BeTrue();
        runs[0].Cancel.IsCancellationRequested.Should().BeTrue();
        runs[1].Text.Should().Be("golden");
        runs[0].Answer.SetResult(InputAnswer.Done(() => shown.Add("first")));
        runs[1].Answer.SetResult(InputAnswer.Refuse("nothing for golden"));
        Settle();
        shown.Should().BeEmpty();
        app.Modal.Should().BeSameAs(prompt, "a refused text keeps the prompt open");
        Screen().Should().Contain("nothing for golden").And.NotContain("Looking");

        // Esc while it runs: stopped, closed, and its answer never shows.
        Type("", Key.Enter);
        SpinWait.SpinUntil(() => { lock (runs) { return runs.Count == 3; } }, 10_000).Should().BeTrue();
        Type("", Key.Esc);
        runs[2].Cancel.IsCancellationRequested.Should().BeTrue();
        app.Modal.Should().BeNull();
        runs[2].Answer.SetResult(InputAnswer.Done(() => shown.Add("third")));
        Settle();
        shown.Should().BeEmpty();
        app.Modal.Should().BeNull();

        // An accepted answer closes the prompt, then runs what it says on the UI thread.
        prompt.Show(app);
        Type("", Key.Enter);
        SpinWait.SpinUntil(() => { lock (runs) { return runs.Count == 4; } }, 10_000).Should().BeTrue();
        var ui = Environment.CurrentManagedThreadId;
        runs[3].Answer.SetResult(InputAnswer.Done(() => shown.Add(Environment.CurrentManagedThreadId == ui ? "ui" : "elsewhere")));
        Settle();
        shown.Should().Equal("ui");
        app.Modal.Should().BeNull();

        // A run that fails goes to the application's error handler, and the prompt stops saying it is busy.
        var errors = new List<Exception>();
        app.Error = ex =>
        {
            errors.Add(ex);
            return true;
        };
        prompt.Show(app);
        Type("", Key.Enter);
        SpinWait.SpinUntil(() => { lock (runs) { return runs.Count == 5; } }, 10_000).Should().BeTrue();
        runs[4].Answer.SetException(new InvalidOperationException("the disk went away"));
        Settle();
        errors.Should().ContainSingle().Which.Message.Should().Be("the disk went away");
        prompt.Busy.Should().BeFalse();
        app.Modal.Should().BeSameAs(prompt);
        app.DrawFrame();
        Screen().Should().NotContain("Looking");
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
