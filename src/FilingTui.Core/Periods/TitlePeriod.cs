using System.Globalization;
using System.Text.RegularExpressions;
using FilingTui.Core.Import;

namespace FilingTui.Core.Periods;

/// <summary>
/// The quarter a release's title names, and the year it names it in: "Fourth Quarter and Full Year 2024",
/// "Third Quarter Fiscal 2025", "Fiscal 2025 Second Quarter", "Q2 Fiscal Year 2025", "4Q24", "Q4 FY25",
/// "2024 Fourth Quarter". A year printed in the title is the fiscal year the quarter belongs to: companies name their
/// quarters by their own year, whether the title says "fiscal" or not.
/// </summary>
public sealed partial record TitlePeriod(int Quarter, int? Year)
{
    private const string Ordinal = @"(?<q>first|second|third|fourth|1st|2nd|3rd|4th)";

    /// <summary>"Fourth Quarter", "Q4", "4Q24", "Q4 2024", "Q2 FY25", "fiscal Q3".</summary>
    [GeneratedRegex(@"\b" + Ordinal + @"[\s-]+(?:fiscal\s+)?quarter\b|\bQ(?<qn>[1-4])(?:\s*(?:FY|fiscal(?:\s+year)?)?\s*'?(?<qy>(?:19|20)?[0-9]{2}))?\b|\b(?<nq>[1-4])Q\s*'?(?<nqy>(?:19|20)?[0-9]{2})?\b", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterWords();

    /// <summary>A year in the title: "2024", "Fiscal 2025", "FY2025", "FY25", "fiscal year 2025".</summary>
    [GeneratedRegex(@"(?<![0-9,.$])(?:(?:fiscal\s+(?:year\s+)?|FY\s*'?)(?<fy>(?:19|20)?[0-9]{2})|(?<y>(?:19|20)[0-9]{2}))(?![0-9,])", RegexOptions.IgnoreCase)]
    private static partial Regex YearWords();

    public static TitlePeriod? Parse(string? title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 400)
        {
            return null;
        }

        var q = QuarterWords().Match(title);
        if (!q.Success)
        {
            return null;
        }

        var quarter = q.Groups["q"].Success ? CoverParser.QuarterNumber(q.Groups["q"].Value) : q.Groups["qn"].Success ? q.Groups["qn"].Value[0] - '0' : q.Groups["nq"].Value[0] - '0';
        var attached = q.Groups["qy"].Success ? q.Groups["qy"].Value : q.Groups["nqy"].Success ? q.Groups["nqy"].Value : null;
        if (attached is not null)
        {
            return new TitlePeriod(quarter, FullYear(attached));
        }

        // The year nearest the quarter's words: "Fourth Quarter 2024 and Full Year" and "Fiscal 2025 Second Quarter".
        var years = YearWords().Matches(title).Select(m => (At: m.Index, Year: FullYear(m.Groups["fy"].Success ? m.Groups["fy"].Value : m.Groups["y"].Value))).ToList();
        if (years.Count == 0)
        {
            return new TitlePeriod(quarter, null);
        }

        var nearest = years.MinBy(y => Math.Abs(y.At - q.Index));
        return new TitlePeriod(quarter, nearest.Year);
    }

    private static int FullYear(string digits)
    {
        var y = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return y < 100 ? 2000 + y : y;
    }
}
