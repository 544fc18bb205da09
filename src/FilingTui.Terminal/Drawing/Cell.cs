using System.Text;

namespace FilingTui.Terminal.Drawing;

/// <summary>One screen cell. A wide character's second cell holds <see cref="Continuation"/>.</summary>
public readonly record struct Cell(Rune Rune, Attribute Attr)
{
    public static readonly Rune Continuation = new(0);

    public static readonly Cell Blank = new(new Rune(' '), Attribute.Normal);

    public bool IsContinuation => Rune.Value == 0;
}

/// <summary>A grid of cells that views draw into; the renderer compares it with what the terminal shows.</summary>
public sealed class CellBuffer
{
    private Cell[] _cells;

    public int Width { get; private set; }

    public int Height { get; private set; }

    public CellBuffer(int width, int height)
    {
        Width = Math.Max(width, 1);
        Height = Math.Max(height, 1);
        _cells = new Cell[Width * Height];
        Clear();
    }

    public void Resize(int width, int height)
    {
        Width = Math.Max(width, 1);
        Height = Math.Max(height, 1);
        _cells = new Cell[Width * Height];
        Clear();
    }

    public Cell this[int x, int y]
    {
        get => _cells[(y * Width) + x];
        set => _cells[(y * Width) + x] = value;
    }

    public void Clear() => Array.Fill(_cells, Cell.Blank);

    public void Fill(Rect r, Attribute attr)
    {
        var c = r.Intersect(new Rect(0, 0, Width, Height));
        for (var y = c.Y; y < c.Bottom; y++)
        {
            for (var x = c.X; x < c.Right; x++)
            {
                this[x, y] = new Cell(new Rune(' '), attr);
            }
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/> at (x, y) clipped to <paramref name="clip"/>; returns the column after it.
    /// Control characters are made visible; a wide character that would straddle the clip edge becomes a space.
    /// </summary>
    public int Put(int x, int y, string text, Attribute attr, Rect clip)
    {
        clip = clip.Intersect(new Rect(0, 0, Width, Height));
        if (y < clip.Y || y >= clip.Bottom)
        {
            return x + TextWidth.Of(text);
        }

        foreach (var raw in text.EnumerateRunes())
        {
            var r = TextWidth.Sanitize(raw);
            var w = TextWidth.Of(r);
            if (w == 0)
            {
                continue;
            }

            if (x >= clip.Right)
            {
                break;
            }

            if (x >= clip.X)
            {
                if (w == 2 && x + 1 >= clip.Right)
                {
                    SetCell(x, y, new Cell(new Rune(' '), attr));
                }
                else
                {
                    SetCell(x, y, new Cell(r, attr));
                    if (w == 2)
                    {
                        SetCell(x + 1, y, new Cell(Cell.Continuation, attr));
                    }
                }
            }
            else if (w == 2 && x + 1 == clip.X)
            {
                SetCell(x + 1, y, new Cell(new Rune(' '), attr));
            }

            x += w;
        }

        return x;
    }

    /// <summary>Sets a cell, repairing a wide character it cuts in half.</summary>
    private void SetCell(int x, int y, Cell cell)
    {
        var old = this[x, y];
        if (old.IsContinuation && x > 0 && !cell.IsContinuation)
        {
            this[x - 1, y] = new Cell(new Rune(' '), this[x - 1, y].Attr);
        }
        else if (!old.IsContinuation && TextWidth.Of(old.Rune) == 2 && x + 1 < Width && !cell.IsContinuation && this[x + 1, y].IsContinuation)
        {
            this[x + 1, y] = new Cell(new Rune(' '), old.Attr);
        }

        this[x, y] = cell;
    }

    /// <summary>The text of row <paramref name="y"/> as a person sees it (for tests and captures).</summary>
    public string RowText(int y)
    {
        var sb = new StringBuilder();
        for (var x = 0; x < Width; x++)
        {
            var c = this[x, y];
            if (!c.IsContinuation)
            {
                sb.Append(c.Rune.ToString());
            }
        }

        return sb.ToString();
    }

    public string Text() => string.Join("\n", Enumerable.Range(0, Height).Select(RowText));
}
