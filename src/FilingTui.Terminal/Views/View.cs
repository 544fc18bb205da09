using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Views;

/// <summary>
/// A rectangle that draws itself into a cell buffer and handles keys through its bindings.
/// Names follow Terminal.Gui v2 (View, KeyBindings, Command) so the toolkit could be swapped.
/// </summary>
public abstract class View
{
    private readonly Dictionary<Command, Func<bool>> _commands = [];

    public Rect Frame { get; set; }

    public string Title { get; set; } = "";

    public bool Border { get; set; }

    public bool CanFocus { get; set; }

    public bool Visible { get; set; } = true;

    public Application? App { get; internal set; }

    public ColorScheme Scheme { get; set; } = ColorScheme.Default;

    public KeyBindings KeyBindings { get; } = new();

    public bool HasFocus => App?.Focused == this;

    public Rect Inner => Border ? Frame.Inset(1) : Frame;

    protected void AddCommand(Command command, Func<bool> action) => _commands[command] = action;

    public bool InvokeCommand(Command command) => _commands.TryGetValue(command, out var f) && f();

    public virtual bool ProcessKey(Key key)
    {
        if (KeyBindings.TryGet(key, out var command) && InvokeCommand(command))
        {
            return true;
        }

        return OnKey(key);
    }

    protected virtual bool OnKey(Key key) => false;

    /// <summary>Pasted text arrives here as text, never as commands.</summary>
    public virtual void OnPaste(string text)
    {
    }

    public void Draw(CellBuffer buffer)
    {
        if (!Visible || Frame.IsEmpty)
        {
            return;
        }

        buffer.Fill(Frame, Scheme.Normal);
        if (Border)
        {
            DrawBorder(buffer);
        }

        DrawContent(buffer, Inner);
    }

    protected abstract void DrawContent(CellBuffer buffer, Rect inner);

    private void DrawBorder(CellBuffer b)
    {
        var f = Frame;
        if (f.Width < 2 || f.Height < 2)
        {
            return;
        }

        var attr = HasFocus ? Scheme.Heading : Scheme.Frame;
        var clip = f;
        var horizontal = new string('─', f.Width - 2);
        b.Put(f.X, f.Y, "┌" + horizontal + "┐", attr, clip);
        b.Put(f.X, f.Bottom - 1, "└" + horizontal + "┘", attr, clip);
        for (var y = f.Y + 1; y < f.Bottom - 1; y++)
        {
            b.Put(f.X, y, "│", attr, clip);
            b.Put(f.Right - 1, y, "│", attr, clip);
        }

        if (Title.Length > 0 && f.Width > 4)
        {
            var titleAttr = HasFocus ? Scheme.Heading.With(Style.Reverse) : Scheme.Heading;
            b.Put(f.X + 1, f.Y, TextWidth.Truncate(Title, f.Width - 2), titleAttr, new Rect(f.X + 1, f.Y, f.Width - 2, 1));
        }
    }

    public void SetNeedsDraw() => App?.SetNeedsDraw();
}
