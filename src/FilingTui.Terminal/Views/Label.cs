using FilingTui.Terminal.Drawing;

namespace FilingTui.Terminal.Views;

/// <summary>One line of text; with <see cref="Segments"/>, several styled pieces (a tab strip, a header line).</summary>
public sealed class Label : View
{
    public string Text { get; set; } = "";

    public List<(string Text, Drawing.Attribute Attr)>? Segments { get; set; }

    public Drawing.Attribute? Attr { get; set; }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        if (Segments is null)
        {
            buffer.Put(inner.X, inner.Y, TextWidth.PadRight(Text, inner.Width), Attr ?? Scheme.Normal, inner);
            return;
        }

        var x = inner.X;
        foreach (var (text, attr) in Segments)
        {
            x = buffer.Put(x, inner.Y, text, attr, inner);
        }
    }
}

/// <summary>The bottom line: the keys that matter now, as "F1 Help  / Search ...".</summary>
public sealed class StatusBar : View
{
    public List<(string Key, string Text)> Items { get; } = [];

    public string? Message { get; set; }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        var keyAttr = Scheme.Normal.With(Style.Reverse | Style.Bold);
        var x = inner.X;
        if (Message is not null)
        {
            buffer.Put(x, inner.Y, TextWidth.PadRight(" " + Message, inner.Width), Scheme.Normal.With(Style.Reverse), inner);
            return;
        }

        foreach (var (key, text) in Items)
        {
            if (x + TextWidth.Of(key) + TextWidth.Of(text) + 2 > inner.Right)
            {
                break;
            }

            x = buffer.Put(x, inner.Y, key, keyAttr, inner);
            x = buffer.Put(x, inner.Y, " " + text + "  ", Scheme.Normal, inner);
        }
    }
}
