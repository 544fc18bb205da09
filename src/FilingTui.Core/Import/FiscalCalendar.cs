using FilingTui.Core.Model;
using FilingTui.Core.Periods;

namespace FilingTui.Core.Import;

/// <summary>
/// Fiscal year and quarter of a period from the fiscal year end month. A fiscal year is named for the calendar year
/// it ends in; 52/53-week years end near, not on, the month end, so an end in the first week counts as the month before.
/// </summary>
public static class FiscalCalendar
{
    public static int EffectiveMonth(DateOnly end) => end.Day <= 7 ? (end.Month == 1 ? 12 : end.Month - 1) : end.Month;

    public static (int Year, int Quarter) Place(DateOnly end, int fiscalYearEndMonth)
    {
        var month = EffectiveMonth(end);
        var year = end.Day <= 7 && end.Month == 1 ? end.Year - 1 : end.Year;
        var fiscalYear = month <= fiscalYearEndMonth ? year : year + 1;
        var offset = (((month - fiscalYearEndMonth - 1) % 12) + 12) % 12;
        return (fiscalYear, (offset / 3) + 1);
    }

    /// <summary>
    /// The last day of quarter <paramref name="quarter"/> of the fiscal year that ends in month
    /// <paramref name="yearEndMonth"/> of <paramref name="fiscalYear"/>: 3 * (4 - quarter) months before the year's end.
    /// </summary>
    public static DateOnly QuarterEnd(int fiscalYear, int quarter, int yearEndMonth)
    {
        var month = yearEndMonth - (3 * (4 - quarter));
        var year = month <= 0 ? fiscalYear - 1 : fiscalYear;
        month = month <= 0 ? month + 12 : month;
        return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
    }

    /// <summary>The fiscal year end month implied by "quarter q ends in month m".</summary>
    public static int YearEndFromQuarter(DateOnly end, int quarter) => ((EffectiveMonth(end) + (3 * (4 - quarter)) - 1) % 12) + 1;

    public static void Apply(Filing filing)
    {
        var fye = filing.Company.FiscalYearEndMonth;
        var fromTitle = TitlePeriod.Parse(filing.Release?.Title);
        if (fye is not int m)
        {
            return;
        }

        if (filing.Period is Period period)
        {
            var (fy, fq) = Place(period.End, m);
            filing.Period = period with { FiscalYear = fy, FiscalQuarter = fq };
            if (fromTitle is (int tq, var ty) && (tq != fq || (ty is int y && y != fy && y != period.End.Year)))
            {
                filing.Diagnostics.Add(new Diagnostic(Severity.Warning, "fiscal-period", $"the title says quarter {tq}{(ty is null ? "" : $" of {ty}")} but {period.End.Iso8601()} is Q{fq} FY{fy} for a year ending in month {m}"));
            }
        }

        foreach (var column in filing.Statements.SelectMany(s => s.Columns))
        {
            var (fy, fq) = Place(column.End, m);
            column.FiscalYear = fy;
            column.FiscalQuarter = column.Months is 0 or 3 ? fq : null;
        }
    }
}
