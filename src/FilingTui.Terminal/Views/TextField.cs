using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Views;

/// <summary>A one-line editor with history (Up/Down) and optional Tab completion.</summary>
public sealed class TextField : View
{
    private readonly List<string> _history;
    private int _historyIndex;

    public string Text { get; set; } = "";

    public int Cursor { get; set; }

    /// <summary>Returns the completed text for Tab, or null when there is nothing to complete.</summary>
    public Func<string, string?>? Complete { get; set; }

    public TextField(List<string>? history = null)
    {
        CanFocus = true;
        _history = history ?? [];
        _historyIndex = _history.Count;
    }

    public override void OnPaste(string text)
    {
        var clean = new string([.. text.Where(c => c >= ' ' && c != '\u007f')]);
        Text = Text.Insert(Cursor, clean);
        Cursor += clean.Length;
        SetNeedsDraw();
    }

    protected override bool OnKey(Key key)
    {
        switch (key.Code)
        {
            case KeyCode.Char when key.IsPrintable:
                Text = Text.Insert(Cursor, key.Rune.ToString());
                Cursor++;
                break;
            case KeyCode.Char when key.Ctrl && key.Rune == 'u':
                Text = Text[Cursor..];
                Cursor = 0;
                break;
            case KeyCode.Char when key.Ctrl && key.Rune == 'a':
            case KeyCode.Home:
                Cursor = 0;
                break;
            case KeyCode.Char when key.Ctrl && key.Rune == 'e':
            case KeyCode.End:
                Cursor = Text.Length;
                break;
            case KeyCode.Backspace when Cursor > 0:
                Text = Text.Remove(Cursor - 1, 1);
                Cursor--;
                break;
            case KeyCode.Delete when Cursor < Text.Length:
                Text = Text.Remove(Cursor, 1);
                break;
            case KeyCode.Left:
                Cursor = Math.Max(0, Cursor - 1);
                break;
            case KeyCode.Right:
                Cursor = Math.Min(Text.Length, Cursor + 1);
                break;
            case KeyCode.Up when _history.Count > 0:
                _historyIndex = Math.Max(0, _historyIndex - 1);
                Text = _history[_historyIndex];
                Cursor = Text.Length;
                break;
            case KeyCode.Down when _history.Count > 0:
                _historyIndex = Math.Min(_history.Count, _historyIndex + 1);
                Text = _historyIndex < _history.Count ? _history[_historyIndex] : "";
                Cursor = Text.Length;
                break;
            case KeyCode.Tab when Complete is not null:
                if (Complete(Text) is string done)
                {
                    Text = done;
                    Cursor = Text.Length;
                }

                break;
            default:
                return false;
        }

        SetNeedsDraw();
        return true;
    }

    public void Remember()
    {
        if (Text.Length > 0 && (_history.Count == 0 || _history[^1] != Text))
        {
            _history.Add(Text);
        }

        _historyIndex = _history.Count;
    }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        var start = Math.Max(0, Cursor - inner.Width + 1);
        var visible = Text[start..];
        var attr = Scheme.Normal.With(Style.Underline);
        buffer.Put(inner.X, inner.Y, TextWidth.PadRight(visible, inner.Width), attr, inner);
        var cx = inner.X + TextWidth.Of(Text[start..Cursor]);
        if (cx < inner.Right)
        {
            var under = Cursor < Text.Length ? Text[Cursor].ToString() : " ";
            buffer.Put(cx, inner.Y, under, Scheme.Normal.With(Style.Reverse), inner);
        }
    }
}
