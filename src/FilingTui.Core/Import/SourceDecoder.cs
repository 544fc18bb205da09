using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using FilingTui.Core.Model;

namespace FilingTui.Core.Import;

/// <summary>The decoded text of a file, or the reason it is not a text filing.</summary>
/// <remarks><paramref name="Replaced"/>: control characters (NUL, ESC, BEL...) shown as visible pictures instead.</remarks>
public sealed record DecodedSource(string? Text, string Sha256, string? Encoding, string? Error, int Replaced = 0);

/// <summary>Bytes to text: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1252; control characters made visible.</summary>
public static class SourceDecoder
{
    static SourceDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static DecodedSource Decode(ReadOnlySpan<byte> bytes)
    {
        var sha = Sha256Hex(bytes);
        if (bytes.Length == 0)
        {
            return new DecodedSource(null, sha, null, "the file is empty");
        }

        string text;
        string encoding;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var enc = bytes[0] == 0xFF ? System.Text.Encoding.Unicode : System.Text.Encoding.BigEndianUnicode;
            text = enc.GetString(bytes[2..]);
            encoding = bytes[0] == 0xFF ? "utf-16le" : "utf-16be";
        }
        else
        {
            if (LooksBinary(bytes, out var why))
            {
                return new DecodedSource(null, sha, null, why);
            }

            var body = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;
            try
            {
                text = new UTF8Encoding(false, true).GetString(body);
                encoding = "utf-8";
            }
            catch (DecoderFallbackException)
            {
                text = System.Text.Encoding.GetEncoding(1252).GetString(body);
                encoding = "windows-1252";
            }
        }

        text = CleanControls(text, out var replaced);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new DecodedSource(null, sha, encoding, "the file holds only white space");
        }

        return new DecodedSource(text, sha, encoding, null, replaced);
    }

    /// <summary>C0 control bytes other than tab, line feed, carriage return, form feed and escape.</summary>
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r' or 0x0C or 0x1B)).Select(b => (byte)b)]);

    /// <summary>The characters <see cref="CleanControls"/> changes: C0 controls but tab and line feed, DEL, C1 controls and the BOM.</summary>
    private static readonly SearchValues<char> Changed = SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n')).Concat(Enumerable.Range(0x7F, 0x21)).Append(0xFEFF).Select(c => (char)c)]);

    /// <summary>NUL bytes or a high share of control bytes mean an image, archive or executable, not a filing.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes, out string why)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        int controls = 0, nuls = 0;
        // A text file has none of these, so the common case is one vectorized scan.
        var rest = sample;
        int at;
        while ((at = rest.IndexOfAny(ControlBytes)) >= 0)
        {
            if (rest[at] == 0)
            {
                nuls++;
            }
            else
            {
                controls++;
            }

            rest = rest[(at + 1)..];
        }

        var share = (double)(controls + nuls) / sample.Length;
        if (share > 0.05 || nuls * 1000 > sample.Length)
        {
            why = $"it is binary data, not text ({share:P0} control bytes in the first {sample.Length:N0})";
            return true;
        }

        why = "";
        return false;
    }

    /// <summary>
    /// CRLF and CR become LF; form feeds become line breaks; other C0 controls, DEL and C1 controls become
    /// their visible control pictures so that nothing from a filing can drive a terminal.
    /// </summary>
    /// <summary>
    /// What a control character is shown as: its control picture (␛ for ESC, ␇ for BEL, ␡ for DEL), or U+FFFD for a
    /// C1 control, which has no picture. Every place that shows text without letting it act on a terminal uses this.
    /// </summary>
    public static char Picture(char c) => c switch
    {
        < ' ' => (char)(0x2400 + c),
        '\u007F' => '\u2421',
        _ => '\uFFFD',
    };

    public static string CleanControls(string text, out int replaced)
    {
        replaced = 0;
        var span = text.AsSpan();
        var next = span.IndexOfAny(Changed);
        if (next < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (next >= 0)
        {
            // What lies between two changed characters is copied as one piece.
            sb.Append(span[i..next]);
            i = next + 1;
            var c = span[next];
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (i < span.Length && span[i] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\f':
                    sb.Append('\n');
                    break;
                case < ' ' or '\u007F' or (>= '\u0080' and <= '\u009F'):
                    sb.Append(Picture(c));
                    replaced++;
                    break;
                default:
                    // The byte order mark: dropped.
                    break;
            }

            next = span[i..].IndexOfAny(Changed) is var k and >= 0 ? i + k : -1;
        }

        sb.Append(span[i..]);
        return sb.ToString();
    }
}
