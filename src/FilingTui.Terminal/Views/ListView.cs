using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Views;

/// <summary>Rows a list shows; only the visible ones are ever asked for, so a source can page from a store.</summary>
public interface IListDataSource
{
    int Count { get; }

    string Render(int index, int width);
}

/// <summary>A scrolling list with a selection; the selection shows as a marker and reverse video without colour.</summary>
public sealed class ListView : View
{
    private int _selected;

    public IListDataSource? Source { get; set; }

    public int TopItem { get; private set; }

    public int SelectedItem
    {
        get => _selected;
        set
        {
            var count = Source?.Count ?? 0;
            var v = Math.Clamp(value, 0, Math.Max(0, count - 1));
            if (v != _selected)
            {
                _selected = v;
                SelectedChanged?.Invoke(v);
            }

            EnsureVisible();
            SetNeedsDraw();
        }
    }

    public event Action<int>? SelectedChanged;

    public event Action<int>? OpenSelectedItem;

    public ListView()
    {
        CanFocus = true;
        KeyBindings.AddNavigation();
        KeyBindings.Add(Key.Enter, Command.Accept, "Open");
        AddCommand(Command.Up, () => Move(-1));
        AddCommand(Command.Down, () => Move(1));
        AddCommand(Command.PageUp, () => Move(-Math.Max(1, Inner.Height - 1)));
        AddCommand(Command.PageDown, () => Move(Math.Max(1, Inner.Height - 1)));
        AddCommand(Command.Start, () => Move(int.MinValue / 2));
        AddCommand(Command.End, () => Move(int.MaxValue / 2));
        AddCommand(Command.Accept, () =>
        {
            if ((Source?.Count ?? 0) == 0)
            {
                return false;
            }

            OpenSelectedItem?.Invoke(_selected);
            return true;
        });
    }

    private bool Move(int delta)
    {
        if (Source is null || Source.Count == 0)
        {
            return true;
        }

        SelectedItem = (int)Math.Clamp((long)_selected + delta, 0, Source.Count - 1);
        return true;
    }

    private void EnsureVisible()
    {
        var h = Math.Max(1, Inner.Height);
        if (_selected < TopItem)
        {
            TopItem = _selected;
        }
        else if (_selected >= TopItem + h)
        {
            TopItem = _selected - h + 1;
        }
    }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        EnsureVisible();
        var count = Source?.Count ?? 0;
        if (count == 0)
        {
            buffer.Put(inner.X + 1, inner.Y, "(nothing here)", Scheme.Dim, inner);
            return;
        }

        TopItem = Math.Clamp(TopItem, 0, Math.Max(0, count - inner.Height));
        for (var row = 0; row < inner.Height && TopItem + row < count; row++)
        {
            var index = TopItem + row;
            var selected = index == _selected;
            var attr = selected ? (HasFocus ? Scheme.Focus : Scheme.Normal.With(Style.Bold | Style.Underline)) : Scheme.Normal;
            var text = (selected ? "▶" : " ") + Source!.Render(index, inner.Width - 1);
            buffer.Put(inner.X, inner.Y + row, TextWidth.PadRight(text, inner.Width), attr, inner);
        }
    }
}
