using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Views;

public enum Alignment
{
    Left,
    Right,
}

/// <summary>A table's cells; the view asks only for the rows on screen.</summary>
public interface ITableSource
{
    int Rows { get; }

    int Columns { get; }

    string ColumnName(int column);

    string Cell(int row, int column);

    Alignment Align(int column);

    /// <summary>Totals and other rows set apart (drawn bold).</summary>
    bool IsEmphasized(int row) => false;

    /// <summary>A row flagged for attention (drawn with a mark and the warning style).</summary>
    bool IsMarked(int row) => false;
}

/// <summary>
/// A table with a frozen first column; the other columns scroll sideways (h/l or arrows) when they do not fit.
/// </summary>
public sealed class TableView : View
{
    private ITableSource? _source;

    public ITableSource? Source
    {
        get => _source;
        set
        {
            _source = value;
            SelectedRow = 0;
            TopRow = 0;
            LeftColumn = 1;
            SetNeedsDraw();
        }
    }

    public int SelectedRow { get; private set; }

    public int TopRow { get; private set; }

    /// <summary>The first scrolling column on screen (column 0 is always shown).</summary>
    public int LeftColumn { get; private set; } = 1;

    public event Action<int>? CellActivated;

    /// <summary>An optional first line above the table (a tab strip).</summary>
    public List<(string Text, Drawing.Attribute Attr)>? Caption { get; set; }

    /// <summary>What shows without a table; empty when the caption already says why (a screen's "Loading…").</summary>
    public string EmptyText { get; set; } = "(no table)";

    public TableView()
    {
        CanFocus = true;
        KeyBindings.AddNavigation();
        KeyBindings.Add(Key.Left, Command.Left, "Scroll columns left");
        KeyBindings.Add(Key.Char('h'), Command.Left);
        KeyBindings.Add(Key.Right, Command.Right, "Scroll columns right");
        KeyBindings.Add(Key.Char('l'), Command.Right);
        KeyBindings.Add(Key.Enter, Command.Accept, "Line history");
        AddCommand(Command.Up, () => MoveRow(-1));
        AddCommand(Command.Down, () => MoveRow(1));
        AddCommand(Command.PageUp, () => MoveRow(-Math.Max(1, Inner.Height - 2)));
        AddCommand(Command.PageDown, () => MoveRow(Math.Max(1, Inner.Height - 2)));
        AddCommand(Command.Start, () => MoveRow(int.MinValue / 2));
        AddCommand(Command.End, () => MoveRow(int.MaxValue / 2));
        AddCommand(Command.Left, () => ScrollColumns(-1));
        AddCommand(Command.Right, () => ScrollColumns(1));
        AddCommand(Command.Accept, () =>
        {
            if (_source is null || _source.Rows == 0)
            {
                return false;
            }

            CellActivated?.Invoke(SelectedRow);
            return true;
        });
    }

    public void SelectRow(int row) => MoveRow(row - SelectedRow);

    private bool MoveRow(int delta)
    {
        if (_source is null || _source.Rows == 0)
        {
            return true;
        }

        SelectedRow = (int)Math.Clamp((long)SelectedRow + delta, 0, _source.Rows - 1);
        var h = Math.Max(1, Inner.Height - (Caption is null ? 1 : 2));
        if (SelectedRow < TopRow)
        {
            TopRow = SelectedRow;
        }
        else if (SelectedRow >= TopRow + h)
        {
            TopRow = SelectedRow - h + 1;
        }

        SetNeedsDraw();
        return true;
    }

    private bool ScrollColumns(int delta)
    {
        if (_source is null)
        {
            return true;
        }

        LeftColumn = Math.Clamp(LeftColumn + delta, 1, Math.Max(1, _source.Columns - 1));
        SetNeedsDraw();
        return true;
    }

    private int Width(int column, int firstRow, int rows)
    {
        var w = TextWidth.Of(_source!.ColumnName(column));
        for (var r = firstRow; r < firstRow + rows && r < _source.Rows; r++)
        {
            w = Math.Max(w, TextWidth.Of(_source.Cell(r, column)));
        }

        return w;
    }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        if (Caption is not null && inner.Height > 1)
        {
            var cx = inner.X;
            foreach (var (text, attr) in Caption)
            {
                cx = buffer.Put(cx, inner.Y, text, attr, inner);
            }

            inner = new Rect(inner.X, inner.Y + 1, inner.Width, inner.Height - 1);
        }

        if (_source is null || _source.Columns == 0 || inner.Height < 1)
        {
            buffer.Put(inner.X + 1, inner.Y, EmptyText, Scheme.Dim, inner);
            return;
        }

        var bodyHeight = inner.Height - 1;
        TopRow = Math.Clamp(TopRow, 0, Math.Max(0, _source.Rows - bodyHeight));
        // The label column takes what the value columns leave, but never less than 45% (or all it needs).
        var wanted = Width(0, TopRow, bodyHeight) + 2;
        var values = 0;
        for (var c = LeftColumn; c < _source.Columns; c++)
        {
            values += Width(c, TopRow, bodyHeight) + 2;
        }

        var labelWidth = Math.Clamp(inner.Width - values - 1, Math.Min(wanted, Math.Max(12, inner.Width * 45 / 100)), Math.Max(wanted, 12));
        var x0 = inner.X + labelWidth;
        var columns = new List<(int Column, int X, int Width)>();
        var x = x0;
        for (var c = LeftColumn; c < _source.Columns; c++)
        {
            var w = Width(c, TopRow, bodyHeight);
            if (x + w + 1 > inner.Right && columns.Count > 0)
            {
                break;
            }

            columns.Add((c, x + 1, w));
            x += w + 2;
        }

        var more = columns.Count > 0 && columns[^1].Column < _source.Columns - 1;
        var header = Scheme.Heading.With(Style.Underline);
        buffer.Put(inner.X, inner.Y, TextWidth.PadRight(LeftColumn > 1 ? "◀ " + _source.ColumnName(0) : _source.ColumnName(0), labelWidth), header, inner);
        foreach (var (c, cx, w) in columns)
        {
            buffer.Put(cx, inner.Y, Aligned(_source.ColumnName(c), w, _source.Align(c)), header, inner);
        }

        if (more)
        {
            buffer.Put(inner.Right - 1, inner.Y, "▶", header, inner);
        }

        for (var row = 0; row < bodyHeight && TopRow + row < _source.Rows; row++)
        {
            var r = TopRow + row;
            var y = inner.Y + 1 + row;
            var attr = _source.IsMarked(r) ? Scheme.Warning : _source.IsEmphasized(r) ? Scheme.Normal.With(Style.Bold) : Scheme.Normal;
            if (r == SelectedRow)
            {
                attr = HasFocus ? attr.With(Style.Reverse) : attr.With(Style.Underline);
                buffer.Fill(new Rect(inner.X, y, inner.Width, 1), attr);
            }

            var label = (_source.IsMarked(r) ? "!" : " ") + _source.Cell(r, 0);
            buffer.Put(inner.X, y, TextWidth.PadRight(label, labelWidth - 1), attr, inner);
            foreach (var (c, cx, w) in columns)
            {
                buffer.Put(cx, y, Aligned(_source.Cell(r, c), w, _source.Align(c)), attr, inner);
            }
        }
    }

    private static string Aligned(string s, int width, Alignment a) => a == Alignment.Right ? TextWidth.PadLeft(s, width) : TextWidth.PadRight(s, width);
}
