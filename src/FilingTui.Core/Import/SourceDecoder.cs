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

    /// <summary>NUL bytes or a high share of control bytes mean an image, archive or executable, not a filing.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes, out string why)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        int controls = 0, nuls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                nuls++;
            }
            else if (b < 0x20 && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r' && b != 0x0C && b != 0x1B)
            {
                controls++;
            }
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
    public static string CleanControls(string text, out int replaced)
    {
        replaced = 0;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n' or '\t':
                    sb.Append(c);
                    break;
                case '\f':
                    sb.Append('\n');
                    break;
                case < ' ':
                    sb.Append((char)(0x2400 + c));
                    replaced++;
                    break;
                case '\u007F':
                    sb.Append('\u2421');
                    replaced++;
                    break;
                case >= '\u0080' and <= '\u009F':
                    sb.Append('\uFFFD');
                    replaced++;
                    break;
                case '\uFEFF':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
