using System.Globalization;
using System.Text.RegularExpressions;
using FilingTui.Core.Import;

namespace FilingTui.Core.Model;

/// <summary>
/// A quarter as a user types it: "2005Q3" (calendar), "FY2006Q1", "Q1 FY2006", "Q1 FY06" (fiscal),
/// "2005-09-30" (a period end), "Sep 2005" (the calendar quarter holding that month).
/// </summary>
public sealed partial record QuarterSpec(int? FiscalYear, int? FiscalQuarter, DateOnly? From, DateOnly? To)
{
    [GeneratedRegex(@"^\s*FY\s*(?<y>[0-9]{2}|[0-9]{4})\s*[- ]?\s*Q(?<q>[1-4])\s*$|^\s*Q(?<q>[1-4])\s*[- ]?\s*FY\s*(?<y>[0-9]{2}|[0-9]{4})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Fiscal();

    [GeneratedRegex(@"^\s*(?<y>[0-9]{4})\s*[- ]?\s*Q(?<q>[1-4])\s*$|^\s*Q(?<q>[1-4])\s*[- ]?\s*(?<y>[0-9]{4})\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Calendar();

    [GeneratedRegex(@"^\s*(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})\s*$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^\s*(?<m>[A-Za-z]{3,9})\.?\s+(?<y>[0-9]{4})\s*$")]
    private static partial Regex MonthYear();

    /// <summary>The years a quarter can be typed for: filings are from this century and the last, and date arithmetic stays in range.</summary>
    private const int FirstYear = 1900, LastYear = 2199;

    public static QuarterSpec? Parse(string text)
    {
        var spec = ParseAny(text);
        return spec is null || (spec.FiscalYear is int fy && fy is < FirstYear or > LastYear) || (spec.To is DateOnly to && to.Year is < FirstYear or > LastYear + 1) ? null : spec;
    }

    private static QuarterSpec? ParseAny(string text)
    {
        if (Fiscal().Match(text) is { Success: true } f)
        {
            var y = int.Parse(f.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new QuarterSpec(y < 100 ? 2000 + y : y, int.Parse(f.Groups["q"].Value, CultureInfo.InvariantCulture), null, null);
        }

        if (Calendar().Match(text) is { Success: true } c)
        {
            var y = int.Parse(c.Groups["y"].Value, CultureInfo.InvariantCulture);
            var q = int.Parse(c.Groups["q"].Value, CultureInfo.InvariantCulture);
            return Months(y, (q * 3) - 2, 3);
        }

        if (IsoDate().Match(text) is { Success: true } d && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new QuarterSpec(null, null, date, date);
        }

        if (MonthYear().Match(text) is { Success: true } my && Dates.MonthNumber(my.Groups["m"].Value) is int month)
        {
            var y = int.Parse(my.Groups["y"].Value, CultureInfo.InvariantCulture);
            var q = ((month - 1) / 3) + 1;
            return Months(y, (q * 3) - 2, 3);
        }

        return null;
    }

    private static QuarterSpec? Months(int year, int firstMonth, int count)
    {
        if (year is < FirstYear or > LastYear)
        {
            return null;
        }

        var from = new DateOnly(year, firstMonth, 1);
        var to = from.AddMonths(count).AddDays(-1);

        // 52/53-week quarters end up to a week into the next month.
        return new QuarterSpec(null, null, from.AddDays(7), to.AddDays(7));
    }

    public override string ToString() =>
        FiscalYear is int y ? $"Q{FiscalQuarter} FY{y}" : From == To ? From!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"{To!.Value.AddDays(-7).Year}Q{((To.Value.AddDays(-7).Month - 1) / 3) + 1}";

    public const string Examples = "2005Q3, FY2006Q1, Q1 FY2006, Q1 FY06, 2005-09-30 or Sep 2005";
}
