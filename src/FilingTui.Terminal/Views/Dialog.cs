using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Views;

/// <summary>A centred, bordered modal. Esc closes it (and never quits the application).</summary>
public abstract class Dialog : View
{
    protected Dialog(string title)
    {
        Title = " " + title + " ";
        Border = true;
        CanFocus = true;
    }

    public int PreferredWidth { get; set; } = 70;

    public int PreferredHeight { get; set; } = 10;

    public event Action? Closed;

    /// <summary>Centres the dialog on the screen as it is now and shows it over everything else.</summary>
    public void Show(Application app)
    {
        Place(app.Screen.Width, app.Screen.Height);
        app.ShowModal(this);
    }

    public void Close()
    {
        App?.CloseModal(this);
        Closed?.Invoke();
    }

    /// <summary>Centres the dialog on a screen of the given size.</summary>
    public void Place(int cols, int rows)
    {
        var w = Math.Min(PreferredWidth, cols - 2);
        var h = Math.Min(PreferredHeight, rows - 2);
        Frame = new Rect(Math.Max(0, (cols - w) / 2), Math.Max(0, (rows - h) / 2), Math.Max(4, w), Math.Max(3, h));
    }

    public override bool ProcessKey(Key key)
    {
        if (key.Code == KeyCode.Esc)
        {
            Close();
            return true;
        }

        return base.ProcessKey(key);
    }
}

/// <summary>What accepting an input dialog's text came to: an error that keeps it open, or what to do once it has closed.</summary>
public readonly record struct InputAnswer(string? Error, Action? Then)
{
    public static InputAnswer Refuse(string error) => new(error, null);

    public static InputAnswer Done(Action? then = null) => new(null, then);
}

/// <summary>
/// A prompt with a text field: Enter accepts, Esc cancels, a message line below says what went wrong. An accept
/// that takes a while runs off the UI thread (<see cref="AcceptInBackground"/>) while the dialog says so and keys
/// still work: Esc stops it, Enter starts it again with the text as it is then.
/// </summary>
public sealed class InputDialog : Dialog
{
    private CancellationTokenSource? _working;

    public TextField Field { get; }

    public string Prompt { get; set; }

    public string? Message { get; set; }

    /// <summary>Checks the text on the UI thread: an error message keeps the dialog open, null accepts it.</summary>
    public Func<string, string?>? Accept { get; set; }

    /// <summary>
    /// Run off the UI thread after <see cref="Accept"/> has passed the text, given a token that Esc (or another Enter)
    /// cancels; its answer is handled on the UI thread.
    /// </summary>
    public Func<string, CancellationToken, Task<InputAnswer>>? AcceptInBackground { get; set; }

    /// <summary>What the message line says while <see cref="AcceptInBackground"/> runs.</summary>
    public string BusyMessage { get; set; } = "Working… (Esc stops)";

    public bool Busy => _working is not null;

    public InputDialog(string title, string prompt, List<string>? history = null) : base(title)
    {
        Prompt = prompt;
        Field = new TextField(history);
        PreferredHeight = 7;
    }

    public override void OnPaste(string text) => Field.OnPaste(text);

    public override bool ProcessKey(Key key)
    {
        if (key.Code == KeyCode.Enter)
        {
            Field.Remember();
            var error = Accept?.Invoke(Field.Text);
            if (error is not null)
            {
                Finish(InputAnswer.Refuse(error));
            }
            else if (AcceptInBackground is not null && App is not null)
            {
                Start(AcceptInBackground, App);
            }
            else
            {
                Finish(InputAnswer.Done());
            }

            return true;
        }

        if (key.Code == KeyCode.Esc)
        {
            Stop();
            Close();
            return true;
        }

        Field.App = App;
        return Field.ProcessKey(key);
    }

    private void Start(Func<string, CancellationToken, Task<InputAnswer>> work, Application app)
    {
        Stop();
        var working = new CancellationTokenSource();
        _working = working;
        Message = BusyMessage;
        SetNeedsDraw();
        var text = Field.Text;
        app.WhenDone(Task.Run(() => work(text, working.Token), working.Token), t =>
        {
            var current = _working == working;
            working.Dispose();
            // A run that was stopped or started over is not this dialog's answer any more.
            if (!current)
            {
                return;
            }

            _working = null;
            if (t.IsCanceled)
            {
                return;
            }

            // A failure goes on to the application's error handler; the dialog no longer says it is busy.
            Message = null;
            SetNeedsDraw();
            Finish(((Task<InputAnswer>)t).GetAwaiter().GetResult());
        });
    }

    private void Stop()
    {
        _working?.Cancel();
        _working = null;
    }

    private void Finish(InputAnswer answer)
    {
        if (answer.Error is null)
        {
            Message = null;
            Close();
            answer.Then?.Invoke();
        }
        else
        {
            Message = answer.Error;
            SetNeedsDraw();
        }
    }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        buffer.Put(inner.X + 1, inner.Y, Prompt, Scheme.Normal, inner);
        Field.Frame = new Rect(inner.X + 1, inner.Y + 1, inner.Width - 2, 1);
        Field.Draw(buffer);
        if (Message is not null)
        {
            var y = inner.Y + 2;
            foreach (var line in TextView.Wrap(Message, inner.Width - 2).Take(Math.Max(0, inner.Height - 3)))
            {
                buffer.Put(inner.X + 1, y++, line, Scheme.Warning, inner);
            }
        }

        buffer.Put(inner.X + 1, inner.Bottom - 1, "Enter OK   Esc Cancel", Scheme.Dim, inner);
    }
}

/// <summary>
/// A dialog around one view (a message's text, a list to choose from) with a line of key hints under it: keys the
/// dialog does not take itself go to that view.
/// </summary>
public abstract class BodyDialog : Dialog
{
    private readonly View _body;
    private readonly int _margin;

    /// <param name="margin">Columns kept clear on each side of the body.</param>
    protected BodyDialog(string title, View body, string footer, int margin) : base(title)
    {
        _body = body;
        _margin = margin;
        Footer = footer;
    }

    public string Footer { get; set; }

    public override bool ProcessKey(Key key)
    {
        if (base.ProcessKey(key))
        {
            return true;
        }

        _body.App = App;
        return _body.ProcessKey(key);
    }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        _body.App = App;
        _body.Frame = new Rect(inner.X + _margin, inner.Y, inner.Width - (2 * _margin), Math.Max(1, inner.Height - 1));
        _body.Draw(buffer);
        buffer.Put(inner.X + 1, inner.Bottom - 1, Footer, Scheme.Dim, inner);
    }
}

/// <summary>Scrollable text in a dialog: help, summaries, line histories. Esc, Enter or q closes it.</summary>
public sealed class MessageBox : BodyDialog
{
    public MessageBox(string title, IReadOnlyList<StyledParagraph> text) : this(title, new TextView { Border = false }, text)
    {
    }

    public MessageBox(string title, string text) : this(title, [.. text.Split('\n').Select(l => new StyledParagraph(l))])
    {
    }

    private MessageBox(string title, TextView body, IReadOnlyList<StyledParagraph> text) : base(title, body, "Esc Close  ↑↓ PgUp PgDn Scroll", margin: 1)
    {
        body.SetText(text);
        PreferredHeight = Math.Min(Math.Max(8, text.Count + 4), 40);
    }

    public override bool ProcessKey(Key key)
    {
        if (key.Code == KeyCode.Enter || key is { Code: KeyCode.Char, Rune: 'q', Ctrl: false, Alt: false })
        {
            Close();
            return true;
        }

        return base.ProcessKey(key);
    }
}

/// <summary>A list to choose from (search results): Enter chooses the selected row, Esc closes.</summary>
public sealed class ListDialog : BodyDialog
{
    private readonly ListView _list;

    public ListDialog(string title, IListDataSource source, string footer) : this(title, new ListView { Border = false, Source = source }, footer)
    {
    }

    private ListDialog(string title, ListView list, string footer) : base(title, list, footer, margin: 0)
    {
        _list = list;
        PreferredHeight = (list.Source?.Count ?? 0) + 4;
    }

    public int SelectedItem => _list.SelectedItem;

    /// <summary>Called with the chosen row after the dialog closes.</summary>
    public Action<int>? Chosen { get; set; }

    public override bool ProcessKey(Key key)
    {
        if (key.Code == KeyCode.Enter)
        {
            Close();
            if (_list.Source?.Count > 0)
            {
                Chosen?.Invoke(_list.SelectedItem);
            }

            return true;
        }

        return base.ProcessKey(key);
    }
}
