namespace FilingTui.Data;

public enum ImportOutcome
{
    Imported,
    Duplicate,
    Failed,
}

/// <summary>What happened to one file: stored as a new filing, already there, or refused with a reason.</summary>
public sealed record ImportResult(string Path, ImportOutcome Outcome, long? FilingId, string? Message);

/// <summary>A filing as the list shows it.</summary>
public sealed record FilingSummary(
    long Id,
    string Company,
    string? Ticker,
    string? Form,
    string SortDate,
    string? PeriodEnd,
    int? FiscalYear,
    int? FiscalQuarter,
    string Status,
    string? StatusReason,
    string? ReleaseTitle,
    string Path)
{
    public string FiscalLabel => FiscalYear is int y && FiscalQuarter is int q ? $"Q{q} FY{y}" : "";

    public string CalendarLabel => PeriodEnd is { Length: >= 7 } p ? $"{p[..4]}Q{(int.Parse(p[5..7], System.Globalization.CultureInfo.InvariantCulture) + 2) / 3}" : "";
}

/// <summary>A key for paging the list without OFFSET: the sort date and id of the last row seen.</summary>
public sealed record PageKey(string SortDate, long Id);

/// <summary>One value of a line item in one period, with where it came from.</summary>
public sealed record LineFact(
    long FilingId,
    string Company,
    string Label,
    string? Concept,
    string Unit,
    int Scale,
    string EndDate,
    int Months,
    int? FiscalYear,
    int? FiscalQuarter,
    decimal? Value,
    string? RawText,
    int SourceLine,
    bool Derived,
    string FilingDate);

public sealed record SearchHit(long FilingId, string Company, string SortDate, string Heading, string Snippet, long SectionId);

public sealed record ImportLogEntry(long Id, string At, string Path, string? Sha256, string Outcome, long? FilingId, string? Message);
