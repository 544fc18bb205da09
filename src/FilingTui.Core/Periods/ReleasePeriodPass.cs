using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Periods;

/// <summary>
/// The quarter a release reports and the fiscal year it falls in, settled once its statements are read. The period
/// end is the newest quarter of its statement of operations (a year-ago or linked-quarter column is older; a sentence
/// may name either), else what its text states, else what its title names, else the last quarter end before its
/// dateline. The fiscal year end is as stated, else follows from the title's quarter, else is the calendar year's.
/// </summary>
public static class ReleasePeriodPass
{
    /// <summary>How long a release comes after its quarter ends, at the least: a quarter end closer than this is the next one.</summary>
    private const int MinDaysToRelease = 7;

    public static void Apply(Filing filing)
    {
        var title = TitlePeriod.Parse(filing.Release?.Title);
        var diagnostics = filing.Diagnostics;
        filing.Period = PeriodEnd(filing, title, diagnostics);
        var stated = filing.Company.FiscalYearEndMonth;
        if (filing.Period is not Period period)
        {
            return;
        }

        int? implied = title is not null ? FiscalCalendar.YearEndFromQuarter(period.End, title.Quarter) : null;
        // A stated year end (the SGML header's, or the text's) stands; where the title's quarter disagrees,
        // FiscalCalendar says so.
        if (stated is null && implied is int m)
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "fiscal-year-end", $"the filing does not state its fiscal year end; month {m} follows from the title's quarter {title!.Quarter} ending {period.End.Iso8601()}"));
            filing.Company.FiscalYearEndMonth = m;
        }
        else if (stated is null)
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "fiscal-year-end", "the filing states no fiscal year end and its title names no quarter; the calendar year is assumed"));
            filing.Company.FiscalYearEndMonth = 12;
        }
    }

    private static Period? PeriodEnd(Filing filing, TitlePeriod? title, List<Diagnostic> diagnostics)
    {
        var columns = filing.Statements.Where(s => s.Kind == StatementKind.Operations).SelectMany(s => s.Columns).ToList();
        var quarters = columns.Where(c => c.Months == 3).ToList();
        var pool = quarters.Count > 0 ? quarters : columns.Where(c => c.Months > 0).ToList();
        if (pool.Count > 0)
        {
            var newest = pool.MaxBy(c => c.End)!;
            if (filing.Period is Period said && said.End != newest.End && quarters.Count > 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Info, "period", $"the text names a quarter ending {said.End.Iso8601()}, but the statement of operations' newest quarter ends {newest.End.Iso8601()}; that is the release's period"));
            }

            return filing.Period is Period p && p.End == newest.End ? p : new Period(newest.End, newest.Months);
        }

        if (filing.Period is Period stated && Plausible(stated.End, filing, title, diagnostics))
        {
            return stated;
        }

        // Without a release there is no quarter to report: an 8-K about something else has no period.
        if (filing.Release is null)
        {
            return null;
        }

        var released = filing.Release.Date ?? filing.ReportDate;
        if (title is { Year: int year } && filing.Company.FiscalYearEndMonth is int fye)
        {
            return new Period(FiscalCalendar.QuarterEnd(year, title.Quarter, fye), 3);
        }

        if (released is DateOnly day)
        {
            var end = CalendarQuarterEndBefore(day);
            diagnostics.Add(new Diagnostic(Severity.Info, "period", $"no statement of operations or sentence names the release's quarter; it is taken to be the calendar quarter ended {end.Iso8601()}, the last before the release date {day.Iso8601()}"));
            return new Period(end, 3);
        }

        if (title is { Year: int calendarYear })
        {
            var end = FiscalCalendar.QuarterEnd(calendarYear, title.Quarter, 12);
            diagnostics.Add(new Diagnostic(Severity.Info, "period", $"no statement of operations, sentence or date names the release's quarter; the title's quarter {title.Quarter} of {calendarYear} is taken as the calendar quarter ended {end.Iso8601()}"));
            return new Period(end, 3);
        }

        return null;
    }

    /// <summary>The longest a release comes after the quarter it reports (an annual report's release can take a season).</summary>
    private const int MaxDaysToRelease = 200;

    /// <summary>
    /// Whether a quarter end a sentence names can be the one the release reports: before its release date and not a
    /// year earlier, and where the title names the quarter and its year, that quarter (52/53-week years end a few
    /// days off the month's end). An outlook's "quarter ending September 26, 2025" or a year-ago comparison is not.
    /// </summary>
    private static bool Plausible(DateOnly end, Filing filing, TitlePeriod? title, List<Diagnostic> diagnostics)
    {
        string? why = null;
        if ((filing.Release?.Date ?? filing.ReportDate) is DateOnly released && (end >= released || released.DayNumber - end.DayNumber > MaxDaysToRelease))
        {
            why = $"the release is dated {released.Iso8601()}";
        }
        else if (title is { Year: int year } && filing.Company.FiscalYearEndMonth is int fye && Math.Abs(FiscalCalendar.QuarterEnd(year, title.Quarter, fye).DayNumber - end.DayNumber) > 10)
        {
            why = $"the title names quarter {title.Quarter} of fiscal {year}";
        }
        else if (title is { Year: int named } && filing.Company.FiscalYearEndMonth is null && FiscalCalendar.Place(end, FiscalCalendar.YearEndFromQuarter(end, title.Quarter)).Year != named)
        {
            why = $"as quarter {title.Quarter} it falls in another fiscal year than the title's {named}";
        }

        if (why is not null)
        {
            diagnostics.Add(new Diagnostic(Severity.Info, "period", $"the text names a quarter ending {end.Iso8601()}, which is not the release's: {why}"));
        }

        return why is null;
    }

    private static DateOnly CalendarQuarterEndBefore(DateOnly day)
    {
        var latest = day.AddDays(-MinDaysToRelease);
        var quarter = ((latest.Month - 1) / 3) + 1;
        var end = FiscalCalendar.QuarterEnd(latest.Year, quarter, 12);
        return end <= latest ? end : quarter > 1 ? FiscalCalendar.QuarterEnd(latest.Year, quarter - 1, 12) : FiscalCalendar.QuarterEnd(latest.Year - 1, 4, 12);
    }
}
