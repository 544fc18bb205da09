namespace FilingTui.Terminal.Drawing;

public readonly record struct Rect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    public Rect Intersect(Rect o)
    {
        var x = Math.Max(X, o.X);
        var y = Math.Max(Y, o.Y);
        var r = Math.Min(Right, o.Right);
        var b = Math.Min(Bottom, o.Bottom);
        return new Rect(x, y, Math.Max(0, r - x), Math.Max(0, b - y));
    }

    public Rect Inset(int n) => new(X + n, Y + n, Math.Max(0, Width - (2 * n)), Math.Max(0, Height - (2 * n)));
}
