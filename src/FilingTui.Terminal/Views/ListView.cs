using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Views;

/// <summary>Rows a list shows; only the visible ones are ever asked for, so a source can page from a store.</summary>
public interface IListDataSource
{
    int Count { get; }

    string Render(int index, int width);
}

/// <summary>A list whose rows carry highlighted spans (search matches in a snippet).</summary>
public interface IStyledListDataSource : IListDataSource
{
    IReadOnlyList<(string Text, bool Highlight)> RenderSpans(int index, int width);
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

    /// <summary>The filter typed into the list (null when none); the owner narrows <see cref="Source"/> on <see cref="FilterChanged"/>.</summary>
    public string? FilterText { get; private set; }

    /// <summary>True while keys type into the filter instead of running commands.</summary>
    public bool Filtering { get; private set; }

    public event Action<string?>? FilterChanged;

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

    /// <summary>
    /// Type-to-filter: from here printable keys edit the filter (each one narrows the list), Backspace deletes,
    /// Enter keeps the filter and gives the keys back to navigation, Esc clears it.
    /// </summary>
    public void BeginFilter()
    {
        Filtering = true;
        FilterText ??= "";
        SetNeedsDraw();
    }

    public void ClearFilter()
    {
        Filtering = false;
        SetFilter(null);
    }

    private void SetFilter(string? text)
    {
        if (text == FilterText)
        {
            SetNeedsDraw();
            return;
        }

        FilterText = text;
        FilterChanged?.Invoke(string.IsNullOrEmpty(text) ? null : text);
        SetNeedsDraw();
    }

    public override bool ProcessKey(Key key)
    {
        if (!Filtering)
        {
            return base.ProcessKey(key);
        }

        switch (key.Code)
        {
            case KeyCode.Esc:
                ClearFilter();
                return true;
            case KeyCode.Enter:
                Filtering = false;
                SetFilter(string.IsNullOrEmpty(FilterText) ? null : FilterText);
                return true;
            case KeyCode.Backspace:
                SetFilter(FilterText is { Length: > 0 } t ? t[..^1] : "");
                return true;
        }

        if (key.IsPrintable)
        {
            SetFilter(FilterText + key.Rune);
            return true;
        }

        // Arrows and paging still move through what the filter left.
        return base.ProcessKey(key);
    }

    public override void OnPaste(string text)
    {
        if (Filtering)
        {
            SetFilter(FilterText + string.Concat(text.Where(c => !char.IsControl(c))));
        }
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

    private void EnsureVisible(int? height = null)
    {
        var h = Math.Max(1, height ?? (Inner.Height - (FilterText is null ? 0 : 1)));
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
        if (FilterText is not null && inner.Height > 1)
        {
            // The filter line takes the pane's last row: what is typed, with a cursor while typing.
            var line = Filtering ? $"Filter: {FilterText}▏  Enter keep · Esc clear" : $"Filter: {FilterText}";
            buffer.Put(inner.X, inner.Bottom - 1, TextWidth.PadRight(line, inner.Width), Filtering ? Scheme.Highlight : Scheme.Dim, inner);
            inner = inner with { Height = inner.Height - 1 };
        }

        EnsureVisible(inner.Height);
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
            if (Source is IStyledListDataSource styled)
            {
                var line = new Rect(inner.X, inner.Y + row, inner.Width, 1);
                buffer.Fill(line, attr);
                var x = buffer.Put(inner.X, line.Y, selected ? "▶" : " ", attr, line);
                foreach (var (span, highlight) in styled.RenderSpans(index, inner.Width - 1))
                {
                    x = buffer.Put(x, line.Y, span, highlight ? Scheme.Highlight.With(Style.Bold) : attr, line);
                }

                continue;
            }

            var text = (selected ? "▶" : " ") + Source!.Render(index, inner.Width - 1);
            buffer.Put(inner.X, inner.Y + row, TextWidth.PadRight(text, inner.Width), attr, inner);
        }
    }
}
