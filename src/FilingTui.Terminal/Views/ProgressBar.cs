using FilingTui.Terminal.Drawing;

namespace FilingTui.Terminal.Views;

/// <summary>A one-line bar: filled cells for the done fraction, then the percentage.</summary>
public sealed class ProgressBar : View
{
    public double Fraction { get; set; }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        var f = Math.Clamp(Fraction, 0, 1);
        var label = $" {f * 100:0}%";
        var width = Math.Max(0, inner.Width - label.Length);
        var filled = (int)Math.Round(f * width);
        buffer.Put(inner.X, inner.Y, new string('█', filled), Scheme.Heading, inner);
        buffer.Put(inner.X + filled, inner.Y, new string('░', width - filled), Scheme.Dim, inner);
        buffer.Put(inner.X + width, inner.Y, label, Scheme.Normal, inner);
    }
}
