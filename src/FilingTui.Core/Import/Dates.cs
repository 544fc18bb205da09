using System.Globalization;
using System.Text.RegularExpressions;

namespace FilingTui.Core.Import;

/// <summary>Dates as press releases print them: "November 3, 2005", "Jan. 27, 2011", "MAY 8, 2003", "2005-09-30".</summary>
public static partial class Dates
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public const string MonthPattern =
        @"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

    /// <summary>"Nov. 1, 2006": month, day and year, as a phrase names a period end or a dateline dates a release.</summary>
    public const string FullDatePattern = MonthPattern + @"\s+[0-9]{1,2},?\s+(?:19|20)[0-9]{2}";

    // The year stays on the day's line: "DECEMBER 31,   DECEMBER 29," over "1995   1996" is two dates, not one of 1995.
    [GeneratedRegex(@"\b(?<m>" + MonthPattern + @")\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?,?[^\S\n]*(?<y>(?:19|20)[0-9]{2})?\b", RegexOptions.IgnoreCase)]
    public static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<y>(?:19|20)[0-9]{2})-(?<m>[0-9]{2})-(?<d>[0-9]{2})\b")]
    private static partial Regex Iso();

    public static int? MonthNumber(string name)
    {
        var n = name.Trim().TrimEnd('.').ToLowerInvariant();
        if (n.Length < 3)
        {
            return null;
        }

        for (var i = 0; i < 12; i++)
        {
            if (MonthNames[i].StartsWith(n[..3], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    /// <summary>A month, day and optional year found in text; the year is null when the text omits it.</summary>
    public readonly record struct PartialDate(int Month, int Day, int? Year, int Index, int Length)
    {
        public DateOnly? ToDate() => Year is int y ? Make(y, Month, Day) : null;
    }

    public static IEnumerable<PartialDate> FindAll(string text)
    {
        foreach (Match m in MonthDayYear().Matches(text))
        {
            var month = MonthNumber(m.Groups["m"].Value);
            if (month is null || !int.TryParse(m.Groups["d"].Value, out var day) || day is < 1 or > 31)
            {
                continue;
            }

            int? year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;
            yield return new PartialDate(month.Value, day, year, m.Index, m.Length);
        }

        foreach (Match m in Iso().Matches(text))
        {
            var y = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var mo = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var d = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            if (mo is >= 1 and <= 12 && d is >= 1 and <= 31)
            {
                yield return new PartialDate(mo, d, y, m.Index, m.Length);
            }
        }
    }

    public static DateOnly? FirstFull(string text) =>
        FindAll(text).Where(p => p.Year is not null).OrderBy(p => p.Index).Select(p => p.ToDate()).FirstOrDefault(d => d is not null);

    /// <summary>Clamps the day to the month so "February 30" in OCR'd text still yields a date.</summary>
    public static DateOnly? Make(int year, int month, int day)
    {
        if (year is < 1900 or > 2200 || month is < 1 or > 12)
        {
            return null;
        }

        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    public static string Iso8601(this DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
