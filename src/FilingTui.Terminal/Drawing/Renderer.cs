using System.Text;

namespace FilingTui.Terminal.Drawing;

/// <summary>
/// Turns the difference between the back buffer (this frame) and the front buffer (what the terminal shows)
/// into the fewest bytes: only changed cells, a cursor move only where a run breaks, SGR only where the
/// attributes change. The whole frame is one string, written once.
/// </summary>
public sealed class Renderer
{
    private CellBuffer _front;
    private bool _forceAll = true;

    public ColorProfile Profile { get; set; }

    public Renderer(int width, int height, ColorProfile profile)
    {
        _front = new CellBuffer(width, height);
        Profile = profile;
    }

    /// <summary>The next frame rewrites every cell (after a resize, Ctrl+L or SIGCONT).</summary>
    public void Invalidate() => _forceAll = true;

    public string Render(CellBuffer back)
    {
        var sb = new StringBuilder();
        if (back.Width != _front.Width || back.Height != _front.Height)
        {
            _front = new CellBuffer(back.Width, back.Height);
            _forceAll = true;
        }

        if (_forceAll)
        {
            sb.Append("\e[0m\e[2J");
        }

        int cx = -1, cy = -1;
        Attribute? current = _forceAll ? Attribute.Normal : null;
        for (var y = 0; y < back.Height; y++)
        {
            var repairNext = false;
            for (var x = 0; x < back.Width; x++)
            {
                var cell = back[x, y];
                if (cell.IsContinuation)
                {
                    continue;
                }

                var wide = x + 1 < back.Width && back[x + 1, y].IsContinuation;
                var changed = _forceAll || repairNext || cell != _front[x, y] || (wide && !_front[x + 1, y].IsContinuation)
                    || (!wide && x + 1 < back.Width && _front[x + 1, y].IsContinuation);
                repairNext = false;
                if (!changed)
                {
                    continue;
                }

                // Overwriting half of a wide character on screen blanks its other half: that cell must be redrawn too.
                if (!wide && x + 1 < back.Width && _front[x + 1, y].IsContinuation)
                {
                    repairNext = true;
                }

                if (cx != x || cy != y)
                {
                    sb.Append("\e[").Append(y + 1).Append(';').Append(x + 1).Append('H');
                }

                var attr = Degrade(cell.Attr);
                if (current != attr)
                {
                    AppendSgr(sb, attr);
                    current = attr;
                }

                sb.Append(cell.Rune.ToString());
                _front[x, y] = cell;
                if (wide)
                {
                    _front[x + 1, y] = back[x + 1, y];
                }
                else if (x + 1 < back.Width && _front[x + 1, y].IsContinuation)
                {
                    _front[x + 1, y] = new Cell(new Rune('\uFFFF'), Attribute.Normal);
                }

                cx = x + (wide ? 2 : 1);
                cy = y;
            }
        }

        if (current is not null && current != Attribute.Normal)
        {
            sb.Append("\e[0m");
        }

        _forceAll = false;
        return sb.ToString();
    }

    /// <summary>Without colour, anything set apart by a background colour (selection, focus, a match) shows in reverse video.</summary>
    private Attribute Degrade(Attribute a) =>
        Profile == ColorProfile.None ? new Attribute(Color.Default, Color.Default, (a.Style & ~Style.Dim) | (a.Bg != Color.Default ? Style.Reverse : Style.None)) : a;

    private static void AppendSgr(StringBuilder sb, Attribute a)
    {
        sb.Append("\e[0");
        if (a.Style.HasFlag(Style.Bold))
        {
            sb.Append(";1");
        }

        if (a.Style.HasFlag(Style.Dim))
        {
            sb.Append(";2");
        }

        if (a.Style.HasFlag(Style.Underline))
        {
            sb.Append(";4");
        }

        if (a.Style.HasFlag(Style.Reverse))
        {
            sb.Append(";7");
        }

        if (a.Fg != Color.Default)
        {
            sb.Append(';').Append(Code(a.Fg, 30));
        }

        if (a.Bg != Color.Default)
        {
            sb.Append(';').Append(Code(a.Bg, 40));
        }

        sb.Append('m');
    }

    private static int Code(Color c, int basis) => c >= Color.BrightBlack ? basis + 60 + (c - Color.BrightBlack) : basis + (c - Color.Black);
}
