using System.Text;

namespace FilingTui.App;

/// <summary>
/// What the command line prints goes through this writer: a control character (ESC, BEL, CR, C1, DEL) from a
/// filing, a file name or an exception's message is written as its visible picture (␛, ␇), so nothing printed can
/// drive the terminal. Line breaks and tabs are the output's own and pass.
/// </summary>
internal sealed class PrintableWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => inner.Write(Printable.Char(value, keepLines: true));

    public override void Write(string? value) => inner.Write(value is null ? null : Printable.Text(value, keepLines: true));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value)
    {
        Write(value);
        inner.WriteLine();
    }

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Flush();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Control characters as their visible pictures.</summary>
public static class Printable
{
    /// <summary>One field on one line (a file name): a line break in it is shown too, so it cannot fake a line of output.</summary>
    public static string Line(string s) => Text(s, keepLines: false);

    public static string Text(string s, bool keepLines)
    {
        if (!s.AsSpan().ContainsAnyInRange('\0', '\u001f') && !s.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            sb.Append(Char(c, keepLines));
        }

        return sb.ToString();
    }

    public static char Char(char c, bool keepLines) => c switch
    {
        '\n' or '\t' when keepLines => c,
        '\n' => '\u2424',
        < '\u0020' or '\u007f' or (>= '\u0080' and <= '\u009f') => FilingTui.Core.Import.SourceDecoder.Picture(c),
        _ => c,
    };
}
