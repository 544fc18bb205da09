namespace FilingTui.Terminal.Drawing;

public enum Color : byte
{
    Default,
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    White,
    BrightBlack,
    BrightRed,
    BrightGreen,
    BrightYellow,
    BrightBlue,
    BrightMagenta,
    BrightCyan,
    BrightWhite,
}

[Flags]
public enum Style : byte
{
    None = 0,
    Bold = 1,
    Underline = 2,
    Reverse = 4,
    Dim = 8,
}

/// <summary>How a cell looks: colours and text style. Compared by value when frames are diffed.</summary>
public readonly record struct Attribute(Color Fg, Color Bg, Style Style = Style.None)
{
    public static readonly Attribute Normal = new(Color.Default, Color.Default);

    public Attribute With(Style style) => this with { Style = Style | style };
}

/// <summary>What the terminal can show: from NO_COLOR, TERM and COLORTERM.</summary>
public enum ColorProfile
{
    None,
    Ansi16,
    Ansi256,
    TrueColor,
}

public static class ColorProfiles
{
    public static ColorProfile Detect(Func<string, string?> env)
    {
        if (!string.IsNullOrEmpty(env("NO_COLOR")))
        {
            return ColorProfile.None;
        }

        var term = env("TERM") ?? "";
        var colorterm = env("COLORTERM") ?? "";
        if (term is "dumb" or "" && string.IsNullOrEmpty(colorterm))
        {
            return OperatingSystem.IsWindows() ? ColorProfile.TrueColor : ColorProfile.None;
        }

        if (colorterm is "truecolor" or "24bit")
        {
            return ColorProfile.TrueColor;
        }

        return term.Contains("256color", StringComparison.Ordinal) ? ColorProfile.Ansi256 : ColorProfile.Ansi16;
    }
}

/// <summary>The attributes a view draws with; the monochrome scheme relies on reverse video and bold alone.</summary>
public sealed record ColorScheme(Attribute Normal, Attribute Focus, Attribute Selected, Attribute Heading, Attribute Dim, Attribute Warning, Attribute Highlight, Attribute Frame)
{
    public static ColorScheme Default { get; } = new(
        Attribute.Normal,
        new Attribute(Color.Black, Color.Cyan),
        new Attribute(Color.Default, Color.Default, Style.Reverse),
        new Attribute(Color.BrightWhite, Color.Default, Style.Bold),
        new Attribute(Color.BrightBlack, Color.Default),
        new Attribute(Color.BrightRed, Color.Default, Style.Bold),
        new Attribute(Color.Black, Color.Yellow),
        new Attribute(Color.Cyan, Color.Default));
}
