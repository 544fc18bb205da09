using System.Globalization;
using System.Text;

namespace FilingTui.Terminal.Drawing;

/// <summary>Terminal cell widths: East Asian wide and emoji take two cells, combining marks none.</summary>
public static class TextWidth
{
    public static int Of(Rune r)
    {
        var v = r.Value;
        if (v == 0)
        {
            return 0;
        }

        var cat = Rune.GetUnicodeCategory(r);
        if (cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        return IsWide(v) ? 2 : 1;
    }

    private static bool IsWide(int v) =>
        v is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF)
            or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE30 and <= 0xFE4F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x1F300 and <= 0x1F64F)
            or (>= 0x1F900 and <= 0x1F9FF) or (>= 0x1F680 and <= 0x1F6FF) or (>= 0x20000 and <= 0x3FFFD);

    public static int Of(string s)
    {
        var w = 0;
        foreach (var r in s.EnumerateRunes())
        {
            w += Of(Sanitize(r));
        }

        return w;
    }

    /// <summary>
    /// Control characters (C0, DEL, C1) never reach the terminal: they become visible control pictures, so an
    /// escape sequence in data shows as "␛[2J" instead of clearing the screen.
    /// </summary>
    public static Rune Sanitize(Rune r) => r.Value switch
    {
        < 0x20 => new Rune(0x2400 + r.Value),
        0x7F => new Rune(0x2421),
        >= 0x80 and <= 0x9F => new Rune(0xFFFD),
        _ => r,
    };

    /// <summary>The longest prefix of <paramref name="s"/> that fits in <paramref name="width"/> cells.</summary>
    public static string Truncate(string s, int width)
    {
        if (width <= 0)
        {
            return "";
        }

        var sb = new StringBuilder();
        var w = 0;
        foreach (var r in s.EnumerateRunes())
        {
            var cw = Of(Sanitize(r));
            if (w + cw > width)
            {
                break;
            }

            sb.Append(Sanitize(r).ToString());
            w += cw;
        }

        return sb.ToString();
    }

    public static string PadRight(string s, int width)
    {
        var t = Truncate(s, width);
        return t + new string(' ', Math.Max(0, width - Of(t)));
    }

    public static string PadLeft(string s, int width)
    {
        var t = Truncate(s, width);
        return new string(' ', Math.Max(0, width - Of(t))) + t;
    }
}
