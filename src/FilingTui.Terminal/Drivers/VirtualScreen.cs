using System.Text;
using FilingTui.Terminal.Drawing;

namespace FilingTui.Terminal.Drivers;

/// <summary>
/// A minimal terminal emulator for tests: replays what a driver wrote (cursor moves, SGR, clears, the alternate
/// screen, wide characters) into a grid, so a test can assert what a person would see and in which style.
/// </summary>
public sealed class VirtualScreen
{
    private Cell[,] _cells;
    private int _x;
    private int _y;
    private Drawing.Attribute _attr = Drawing.Attribute.Normal;

    public int Width { get; private set; }

    public int Height { get; private set; }

    public bool AlternateScreen { get; private set; }

    public bool CursorVisible { get; private set; } = true;

    public bool BracketedPaste { get; private set; }

    public int SgrColorCodes { get; private set; }

    public VirtualScreen(int width, int height)
    {
        Width = width;
        Height = height;
        _cells = new Cell[width, height];
        Clear();
    }

    public void Resize(int width, int height)
    {
        Width = width;
        Height = height;
        _cells = new Cell[width, height];
        Clear();
    }

    private void Clear()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                _cells[x, y] = Cell.Blank;
            }
        }
    }

    public Cell this[int x, int y] => _cells[x, y];

    public void Apply(string output)
    {
        var i = 0;
        while (i < output.Length)
        {
            var c = output[i];
            if (c == '\e' && i + 1 < output.Length && output[i + 1] == '[')
            {
                var j = i + 2;
                while (j < output.Length && !(output[j] >= '@' && output[j] <= '~'))
                {
                    j++;
                }

                Csi(output[(i + 2)..j], output[j]);
                i = j + 1;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < output.Length)
            {
                Print(new Rune(c, output[i + 1]));
                i += 2;
                continue;
            }

            Print(new Rune(c));
            i++;
        }
    }

    private void Print(Rune r)
    {
        var w = TextWidth.Of(r);
        if (w == 0 || _y >= Height)
        {
            return;
        }

        if (_x >= Width)
        {
            return;
        }

        // Writing over half of a wide character blanks the other half, as real terminals do.
        if (_cells[_x, _y].IsContinuation && _x > 0)
        {
            _cells[_x - 1, _y] = new Cell(new Rune(' '), _cells[_x - 1, _y].Attr);
        }

        if (_x + 1 < Width && _cells[_x + 1, _y].IsContinuation && w == 1)
        {
            _cells[_x + 1, _y] = new Cell(new Rune(' '), _attr);
        }

        _cells[_x, _y] = new Cell(r, _attr);
        if (w == 2 && _x + 1 < Width)
        {
            _cells[_x + 1, _y] = new Cell(Cell.Continuation, _attr);
        }

        _x += w;
    }

    private void Csi(string param, char fin)
    {
        switch (fin)
        {
            case 'H':
                var p = param.Split(';');
                _y = (p.Length > 0 && int.TryParse(p[0], out var row) ? row : 1) - 1;
                _x = (p.Length > 1 && int.TryParse(p[1], out var col) ? col : 1) - 1;
                break;
            case 'J' when param == "2":
                Clear();
                break;
            case 'm':
                Sgr(param);
                break;
            case 'h' or 'l':
                var on = fin == 'h';
                switch (param)
                {
                    case "?1049":
                        AlternateScreen = on;
                        Clear();
                        break;
                    case "?25":
                        CursorVisible = on;
                        break;
                    case "?2004":
                        BracketedPaste = on;
                        break;
                }

                break;
        }
    }

    private void Sgr(string param)
    {
        foreach (var part in param.Split(';'))
        {
            var n = int.TryParse(part, out var v) ? v : 0;
            _attr = n switch
            {
                0 => Drawing.Attribute.Normal,
                1 => _attr.With(Style.Bold),
                2 => _attr.With(Style.Dim),
                4 => _attr.With(Style.Underline),
                7 => _attr.With(Style.Reverse),
                >= 30 and <= 37 => _attr with { Fg = (Color)((int)Color.Black + n - 30) },
                >= 40 and <= 47 => _attr with { Bg = (Color)((int)Color.Black + n - 40) },
                >= 90 and <= 97 => _attr with { Fg = (Color)((int)Color.BrightBlack + n - 90) },
                >= 100 and <= 107 => _attr with { Bg = (Color)((int)Color.BrightBlack + n - 100) },
                _ => _attr,
            };
            if (n is (>= 30 and <= 49) or (>= 90 and <= 107))
            {
                SgrColorCodes++;
            }
        }
    }

    public string RowText(int y)
    {
        var sb = new StringBuilder();
        for (var x = 0; x < Width; x++)
        {
            if (!_cells[x, y].IsContinuation)
            {
                sb.Append(_cells[x, y].Rune.ToString());
            }
        }

        return sb.ToString();
    }

    public string Text() => string.Join("\n", Enumerable.Range(0, Height).Select(RowText));

    public bool Contains(string s) => Enumerable.Range(0, Height).Any(y => RowText(y).Contains(s, StringComparison.Ordinal));
}
