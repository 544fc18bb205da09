using System.Text;

namespace FilingTui.Core.Tests;

/// <summary>
/// Inputs built to break a parser: huge files, huge lines, huge tables, markup that must not leak, cut-off
/// submissions. The tests assert what each must give; bench/ (`inputs`) times every one of them.
/// </summary>
public static class HostileInputs
{
    /// <summary>A filing's text repeated until it is at least <paramref name="megabytes"/> MB: thousands of tables.</summary>
    public static byte[] Huge(string sample, int megabytes)
    {
        var one = Encoding.UTF8.GetBytes(sample + "\n");
        var target = megabytes * 1024L * 1024L;
        var bytes = new byte[(target + one.Length - 1) / one.Length * one.Length];
        for (var at = 0; at < bytes.Length; at += one.Length)
        {
            one.CopyTo(bytes, at);
        }

        return bytes;
    }

    /// <summary>
    /// The sample with a line of <paramref name="megabytes"/> MB put just after its statement of operations' title:
    /// a row label followed by numbers, so the table reader sees it as a row with a million values.
    /// </summary>
    public static string LongLine(string sample, double megabytes)
    {
        var sb = new StringBuilder("Other items, net ");
        while (sb.Length < megabytes * 1024 * 1024)
        {
            sb.Append("1,234 (56) ");
        }

        var at = sample.IndexOf("Total revenues", StringComparison.Ordinal);
        at = sample.IndexOf('\n', at) + 1;
        return sample[..at] + sb + "\n" + sample[at..];
    }

    /// <summary>A statement of operations with <paramref name="columns"/> columns, each adding up.</summary>
    public static string WideTable(int columns)
    {
        var sb = new StringBuilder();
        sb.Append("Wide Corp Reports Results\n\nWIDE CORP\nCONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n\n");
        Line(sb, "", c => "Three Months Ended");
        Line(sb, "", c => "September 30,");
        // Fifty years over and over: a table this wide cannot have that many distinct quarters.
        Line(sb, "", c => (2024 - (c % 50)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Line(sb, "Revenues", c => (100 + c).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        Line(sb, "Cost of revenues", c => "40");
        Line(sb, "Gross profit", c => (60 + c).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();

        void Line(StringBuilder sb, string label, Func<int, string> cell)
        {
            sb.Append(label.PadRight(30));
            for (var c = 0; c < columns; c++)
            {
                sb.Append(cell(c).PadLeft(20));
            }

            sb.Append('\n');
        }
    }

    /// <summary>An HTML release whose scripts, styles and comments must not reach the text.</summary>
    public const string HtmlWithScripts = """
        <html><head><title>Acme Corp Reports Third Quarter Results</title>
        <style>body { color: red } .x::before { content: "STYLE-LEAK" }</style>
        <script type="text/javascript">document.write("SCRIPT-LEAK"); var s = "<table><tr><td>1</td></tr></table>";</script>
        </head><body>
        <p>Acme Corp Reports Third Quarter Results</p>
        <!-- COMMENT-LEAK <script>alert(1)</script> -->
        <p>Revenue grew in the quarter.<script>alert("SCRIPT-LEAK-2")</script></p>
        <noscript>NOSCRIPT-LEAK</noscript>
        <p>ACME CORP</p><p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(in thousands)</p>
        <table>
        <tr><td></td><td>Three Months Ended September 30,</td></tr>
        <tr><td></td><td>2024</td><td>2023</td></tr>
        <tr><td>Revenues</td><td>1,200</td><td>1,000</td></tr>
        <tr><td>Cost of revenues</td><td>500</td><td>400</td></tr>
        <tr><td>Gross profit</td><td>700</td><td>600</td></tr>
        </table>
        <script>
        </body></html>
        """;

    /// <summary>The first <paramref name="share"/> of an EDGAR submission, cut in the middle of a line.</summary>
    public static string Truncated(string submission, double share) => submission[..(int)(submission.Length * share)];

    /// <summary>One edit of a text; positions and lengths are taken modulo the text, so any numbers are an edit.</summary>
    public readonly record struct Edit(int Op, int At, int Length, int Pick)
    {
        public override string ToString() => $"({Op},{At},{Length},{Pick})";
    }

    /// <summary>
    /// Applies edits in order: a span removed, duplicated or moved, a character replaced, a digit changed, a
    /// control character or escape sequence put in, a line repeated, a bracket, dollar sign or dash put in.
    /// </summary>
    public static string Mutate(string text, IEnumerable<Edit> edits)
    {
        var sb = new StringBuilder(text);
        foreach (var e in edits)
        {
            if (sb.Length < 2)
            {
                break;
            }

            var at = e.At % sb.Length;
            var len = Math.Min(sb.Length - at, 1 + (e.Length % 200));
            switch (e.Op % 8)
            {
                case 0:
                    sb.Remove(at, len);
                    break;
                case 1:
                    sb.Insert(at, sb.ToString(at, len));
                    break;
                case 2:
                    sb[at] = (char)(0x20 + (e.Pick % 0x2FE0));
                    break;
                case 3:
                    sb[at] = char.IsDigit(sb[at]) ? (char)('0' + (e.Pick % 10)) : sb[at];
                    break;
                case 4:
                    sb.Insert(at, (e.Pick % 4) switch { 0 => "\u001b[2J", 1 => "\u001b]52;c;cXdpdA==\u0007", 2 => "\0", _ => "\r" });
                    break;
                case 5:
                    var nl = sb.ToString().IndexOf('\n', at);
                    if (nl > 0)
                    {
                        sb.Insert(nl + 1, sb.ToString(at, nl - at + 1));
                    }

                    break;
                case 6:
                    sb.Insert(at, (e.Pick % 3) switch { 0 => "(", 1 => "$", _ => " — " });
                    break;
                default:
                    var moved = sb.ToString(at, len);
                    sb.Remove(at, len);
                    sb.Insert(e.Pick % (sb.Length + 1), moved);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The formats a pathological run is wrapped in, each as its file would start and end.</summary>
    public static readonly string[] Formats = ["text", "html", "markdown", "edgar"];

    /// <summary>
    /// Runs that cost a parser dearly when it backtracks, rescans or recurses: long numbers, commas, parentheses,
    /// pipes, tabs, spaces before a title's verb, nested and unclosed tags, unclosed documents, values too large
    /// for a decimal, years and labels in the shapes of scraped tables, and a seeded random mix of all of them.
    /// </summary>
    public static readonly string[] Runs =
    [
        "digits", "grouped-digits", "commas", "parentheses", "footnote-marks", "pipes", "pipe-cells", "tabs", "tab-cells", "spaces-before-verb",
        "nested-div", "nested-list", "nested-table", "nested-bold", "unclosed-font", "unclosed-documents", "decimal-max", "years-per-line",
        "flattened-rows", "dollar-cells", "dashes", "long-label", "mixed",
    ];

    private const string Title = "Acme Corp Reports Third Quarter Results";

    private const string MaxDecimal = "79,228,162,514,264,337,593,543,950,335";

    /// <summary>
    /// One pathological input: <paramref name="run"/> repeated to about <paramref name="bytes"/> inside a file of
    /// <paramref name="format"/>. Deterministic: the "mixed" run draws from a generator seeded with <paramref name="seed"/>.
    /// </summary>
    public static string Pathological(string format, string run, int bytes, int seed = 19)
    {
        // HTML and Markdown carry the run twice (in a table cell and in prose), each half as long.
        var payload = Payload(run, format is "html" or "markdown" ? bytes / 2 : bytes, seed);
        return format switch
        {
            "html" => $"<html><head><title>{Title}</title></head><body><p>{Title}</p><p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><table><tr><td></td><td>2024</td><td>2023</td></tr><tr><td>Revenues</td><td>{payload}</td><td>1,100</td></tr></table><p>{payload}</p></body></html>",
            "markdown" => $"---\ntitle: \"{Title}\"\n---\n\n# {Title}\n\n**CONSOLIDATED STATEMENTS OF OPERATIONS**\n\n| | 2024 | 2023 |\n|---|---|---|\n| Revenues | {payload} | 1,100 |\n\n{payload}\n",
            "edgar" => $"<SEC-DOCUMENT>0000000000-24-000001.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\nCOMPANY CONFORMED NAME:\tACME CORP\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\n{Title}\n\nCONSOLIDATED STATEMENTS OF OPERATIONS\n                    2024      2023\nRevenues     {payload}    1,100\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n",
            _ => $"{Title}\n\nCONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands)\n                 Three Months Ended September 30,\n                    2024      2023\nRevenues     {payload}    1,100\n",
        };
    }

    private static string Payload(string run, int bytes, int seed)
    {
        string Repeat(string unit) => new StringBuilder(bytes + unit.Length).Insert(0, unit, Math.Max(1, bytes / unit.Length)).ToString();
        string Nest(string open, string close) => Repeat(open) + "x" + (close.Length > 0 ? Repeat(close) : "");
        return run switch
        {
            "digits" => Repeat("1234567890"),
            "grouped-digits" => "1" + Repeat(",000"),
            "commas" => Repeat(","),
            "parentheses" => Repeat("(") + "1" + Repeat(")"),
            "footnote-marks" => Repeat("(1)"),
            "pipes" => Repeat("|"),
            "pipe-cells" => Repeat("| 1,234 | (56) "),
            "tabs" => Repeat("\t"),
            "tab-cells" => Repeat("1,234\t"),
            "spaces-before-verb" => "\nAcme Corp" + Repeat(" ") + "Reports Third Quarter Results\n",
            "nested-div" => Nest("<div>", "</div>"),
            "nested-list" => Nest("<ul><li>", ""),
            "nested-table" => Nest("<table><tr><td>", ""),
            "nested-bold" => Nest("<b>", ""),
            "unclosed-font" => Repeat("<font size=2>text "),
            "unclosed-documents" => Repeat("<DOCUMENT>\n<TYPE>EX-99.1\n<TEXT>\nabc\n"),
            "decimal-max" => MaxDecimal + " " + MaxDecimal + "\n" + Repeat("Total revenues  " + MaxDecimal + "  " + MaxDecimal + "\n"),
            "years-per-line" => Repeat("2024\n\n2023\n\nRevenues\n\n$\n\n(1,234\n\n)\n\n"),
            "flattened-rows" => "Three Months Ended September 30, 2024 2023 " + Repeat("Revenues $ 1,234 $ 5,678Cost of revenues (12) (34) "),
            "dollar-cells" => Repeat("$ "),
            "dashes" => Repeat("— "),
            "long-label" => Repeat("Revenues and other income net of ") + " 1,234 5,678\n",
            _ => Mixed(bytes, seed),
        };
    }

    private static string Mixed(int bytes, int seed)
    {
        const string alphabet = "0123456789,.()|\t $-<>/\n%—ab";
        var rng = new Random(seed);
        var sb = new StringBuilder(bytes);
        while (sb.Length < bytes)
        {
            // Runs of one character and single characters, so both long runs and noise are there.
            var c = alphabet[rng.Next(alphabet.Length)];
            sb.Append(c, rng.Next(4) == 0 ? rng.Next(1, 2000) : 1);
        }

        return sb.ToString();
    }
}
