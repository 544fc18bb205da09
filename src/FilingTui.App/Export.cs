using System.Globalization;
using System.Text;
using FilingTui.Core.Model;

namespace FilingTui.App;

/// <summary>A statement as CSV (values as printed, in the statement's scale) and a filing as JSON.</summary>
public static class Export
{
    public static string Csv(Statement s)
    {
        var sb = new StringBuilder();
        sb.Append("label,section,concept,unit,scale");
        foreach (var c in s.Columns)
        {
            sb.Append(',').Append(Quote(c.Months == 0 ? $"as of {c.End:yyyy-MM-dd}" : $"{c.Months}M ended {c.End:yyyy-MM-dd}"));
        }

        sb.Append('\n');
        foreach (var r in s.Rows)
        {
            sb.Append(Quote(r.Label)).Append(',').Append(Quote(r.Section ?? "")).Append(',').Append(Quote(r.Concept ?? "")).Append(',')
                .Append(r.Unit.ToKey()).Append(',').Append(r.Scale.ToString(CultureInfo.InvariantCulture));
            foreach (var v in r.Values)
            {
                sb.Append(',').Append(v?.ToString(CultureInfo.InvariantCulture) ?? "");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>
    /// A text cell. One that a spreadsheet would run as a formula ("=HYPERLINK(...)", "+1", "@SUM", "-2+3") is given a
    /// leading apostrophe, which spreadsheets read as "text follows"; the numbers are written as numbers elsewhere.
    /// </summary>
    private static string Quote(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            s = "'" + s;
        }

        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
    }

    /// <summary>Writes to a path the user typed; returns null on success, else the reason in one sentence.</summary>
    public static string? Write(string path, string content)
    {
        try
        {
            var full = Path.GetFullPath(StorePath.ExpandHome(path));
            if (Directory.Exists(full))
            {
                return $"{full} is a folder; type a file name.";
            }

            var dir = Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
            {
                return $"the folder {dir} does not exist.";
            }

            var tmp = full + ".tmp";
            File.WriteAllText(tmp, content);
            File.Move(tmp, full, true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{path} could not be written: {ex.Message.TrimEnd('.')}.";
        }
    }

    /// <summary>OSC 52: asks the user's terminal (even over SSH) to put the text on its clipboard.</summary>
    public static string Osc52(string text) => "\e]52;c;" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "\a";
}
