using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Views;

/// <summary>One command in a drop-down menu. An underscore marks the hotkey letter ("_Import..."); the shortcut is shown at the right.</summary>
public sealed record MenuItem(string Title, Action Action, string Shortcut = "")
{
    public string Text => HotKeyText.Plain(Title);

    public char? HotKey => HotKeyText.Letter(Title);
}

/// <summary>A top-level menu ("_File") and its items.</summary>
public sealed record MenuBarItem(string Title, IReadOnlyList<MenuItem> Items)
{
    public string Text => HotKeyText.Plain(Title);

    public char? HotKey => HotKeyText.Letter(Title);
}

/// <summary>Terminal.Gui's convention: "_File" shows "File" with F as the hotkey.</summary>
internal static class HotKeyText
{
    public static string Plain(string title) => title.Replace("_", "", StringComparison.Ordinal);

    public static char? Letter(string title)
    {
        var i = title.IndexOf('_', StringComparison.Ordinal);
        return i >= 0 && i + 1 < title.Length ? char.ToLowerInvariant(title[i + 1]) : null;
    }

    /// <summary>Draws the title with its hotkey letter underlined; returns the column after it.</summary>
    public static int Put(CellBuffer buffer, int x, int y, string title, Drawing.Attribute attr, Rect clip)
    {
        var i = title.IndexOf('_', StringComparison.Ordinal);
        if (i < 0 || i + 1 >= title.Length)
        {
            return buffer.Put(x, y, title, attr, clip);
        }

        x = buffer.Put(x, y, title[..i], attr, clip);
        x = buffer.Put(x, y, title[i + 1].ToString(), attr.With(Style.Underline | Style.Bold), clip);
        return buffer.Put(x, y, title[(i + 2)..], attr, clip);
    }
}

/// <summary>
/// The menu line at the top. F10 opens the first menu, Alt+hotkey a given one; in an open menu the arrows move,
/// Left/Right go to the next menu, Enter or an item's hotkey runs it, Esc closes.
/// </summary>
public sealed class MenuBar : View
{
    private MenuPopup? _popup;

    public List<MenuBarItem> Menus { get; } = [];

    /// <summary>The menu shown open, or null.</summary>
    public int? OpenIndex => _popup?.MenuIndex;

    /// <summary>F10 and Alt+hotkey, asked before the focused view so no pane can swallow them.</summary>
    public bool ProcessHotKey(Key key)
    {
        if (Menus.Count == 0)
        {
            return false;
        }

        if (key.Code == KeyCode.F10)
        {
            Open(0);
            return true;
        }

        var index = IndexOfHotKey(key);
        if (index >= 0)
        {
            Open(index);
            return true;
        }

        return false;
    }

    internal int IndexOfHotKey(Key key) =>
        key is { Code: KeyCode.Char, Alt: true, Ctrl: false } ? Menus.FindIndex(m => m.HotKey == char.ToLowerInvariant(key.Rune)) : -1;

    public void Open(int index)
    {
        if (App is null || Menus.Count == 0)
        {
            return;
        }

        CloseMenu();
        index = ((index % Menus.Count) + Menus.Count) % Menus.Count;
        _popup = new MenuPopup(this, index) { Border = true };
        var menu = Menus[index];
        var width = Math.Max(TextWidth.Of(menu.Text) + 2, menu.Items.Max(i => TextWidth.Of(i.Text) + (i.Shortcut.Length == 0 ? 0 : TextWidth.Of(i.Shortcut) + 3)) + 4);
        var x = Math.Max(0, Math.Min(TitleX(index) - 1, App.Screen.Width - width));
        _popup.Frame = new Rect(x, Frame.Y + 1, Math.Min(width, App.Screen.Width), Math.Min(menu.Items.Count + 2, Math.Max(3, App.Screen.Height - Frame.Y - 1)));
        App.ShowModal(_popup);
    }

    public void CloseMenu()
    {
        if (_popup is not null)
        {
            App?.CloseModal(_popup);
            _popup = null;
            SetNeedsDraw();
        }
    }

    internal void Run(MenuItem item)
    {
        CloseMenu();
        item.Action();
    }

    private int TitleX(int index) => Frame.X + 1 + Menus.Take(index).Sum(m => TextWidth.Of(m.Text) + 2);

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        var bar = Scheme.Normal.With(Style.Reverse);
        buffer.Fill(inner, bar);
        for (var i = 0; i < Menus.Count; i++)
        {
            var attr = i == OpenIndex ? Scheme.Normal.With(Style.Bold) : bar;
            var x = TitleX(i);
            buffer.Put(x - 1, inner.Y, " ", attr, inner);
            x = HotKeyText.Put(buffer, x, inner.Y, Menus[i].Title, attr, inner);
            buffer.Put(x, inner.Y, " ", attr, inner);
        }
    }

    /// <summary>The open menu: a modal box under its title.</summary>
    private sealed class MenuPopup(MenuBar bar, int index) : View
    {
        private int _selected;

        public int MenuIndex { get; } = index;

        private IReadOnlyList<MenuItem> Items => bar.Menus[MenuIndex].Items;

        public override bool ProcessKey(Key key)
        {
            if (bar.IndexOfHotKey(key) is var other and >= 0)
            {
                bar.Open(other);
                return true;
            }

            switch (key.Code)
            {
                case KeyCode.Esc or KeyCode.F10:
                    bar.CloseMenu();
                    return true;
                case KeyCode.Left:
                    bar.Open(MenuIndex - 1);
                    return true;
                case KeyCode.Right or KeyCode.Tab:
                    bar.Open(MenuIndex + (key.Shift ? -1 : 1));
                    return true;
                case KeyCode.Up:
                    Move(-1);
                    return true;
                case KeyCode.Down:
                    Move(1);
                    return true;
                case KeyCode.Home or KeyCode.PageUp:
                    _selected = 0;
                    SetNeedsDraw();
                    return true;
                case KeyCode.End or KeyCode.PageDown:
                    _selected = Items.Count - 1;
                    SetNeedsDraw();
                    return true;
                case KeyCode.Enter:
                    bar.Run(Items[_selected]);
                    return true;
            }

            if (key.IsPrintable)
            {
                var hit = Items.FirstOrDefault(i => i.HotKey == char.ToLowerInvariant(key.Rune));
                if (hit is not null)
                {
                    bar.Run(hit);
                }
            }

            // Any other key does nothing: an open menu never passes a key on to the panes behind it.
            return true;
        }

        private void Move(int by)
        {
            _selected = ((_selected + by) % Items.Count + Items.Count) % Items.Count;
            SetNeedsDraw();
        }

        protected override void DrawContent(CellBuffer buffer, Rect inner)
        {
            for (var row = 0; row < Math.Min(Items.Count, inner.Height); row++)
            {
                var item = Items[row];
                var attr = row == _selected ? Scheme.Selected : Scheme.Normal;
                var line = new Rect(inner.X, inner.Y + row, inner.Width, 1);
                buffer.Fill(line, attr);
                HotKeyText.Put(buffer, line.X + 1, line.Y, item.Title, attr, line);
                if (item.Shortcut.Length > 0)
                {
                    buffer.Put(line.Right - 1 - TextWidth.Of(item.Shortcut), line.Y, item.Shortcut, row == _selected ? attr : Scheme.Dim, line);
                }
            }
        }
    }
}
