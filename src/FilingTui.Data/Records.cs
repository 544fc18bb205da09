namespace FilingTui.Data;

public enum ImportOutcome
{
    Imported,
    Duplicate,
    Failed,

    /// <summary>The file is no filing (no 8-K cover, EDGAR header, release dateline or statement): not stored, and said why.</summary>
    Skipped,
}

/// <summary>What happened to one file: stored as a new filing, already there, or refused with a reason.</summary>
/// <param name="StatusChanged">A re-parse gave the filing another status than it had.</param>
public sealed record ImportResult(string Path, ImportOutcome Outcome, long? FilingId, string? Message, bool StatusChanged = false);

/// <summary>A filing as the list shows it.</summary>
public sealed class FilingSummary
{
    public long Id { get; init; }

    public long CompanyId { get; init; }

    public string Company { get; init; } = "";

    public string? Ticker { get; init; }

    public string? Form { get; init; }

    public string SortDate { get; init; } = "";

    public string? PeriodEnd { get; init; }

    public int? FiscalYear { get; init; }

    public int? FiscalQuarter { get; init; }

    public string Status { get; init; } = "";

    public string? StatusReason { get; init; }

    public string? ReleaseTitle { get; init; }

    public string Path { get; init; } = "";

    public string FiscalLabel => FiscalYear is int y && FiscalQuarter is int q ? $"Q{q} FY{y}" : "";

    public string CalendarLabel => PeriodEnd is { Length: >= 7 } p ? $"{p[..4]}Q{(int.Parse(p[5..7], System.Globalization.CultureInfo.InvariantCulture) + 2) / 3}" : "";
}

/// <summary>A key for paging the list without OFFSET: the sort date and id of the last row seen.</summary>
public sealed record PageKey(string SortDate, long Id);

/// <summary>One value of a line item in one period, with where it came from.</summary>
public sealed class LineFact
{
    public long FilingId { get; init; }

    public string Company { get; init; } = "";

    public string Label { get; init; } = "";

    public string? Concept { get; init; }

    public string Unit { get; init; } = "";

    public int Scale { get; init; }

    public string EndDate { get; init; } = "";

    public int Months { get; init; }

    public int? FiscalYear { get; init; }

    public int? FiscalQuarter { get; init; }

    public decimal? Value { get; init; }

    public string? RawText { get; init; }

    public int SourceLine { get; init; }

    public bool Derived { get; init; }

    public string FilingDate { get; init; } = "";
}

public sealed class SearchHit
{
    public long FilingId { get; init; }

    public string Company { get; init; } = "";

    public string SortDate { get; init; } = "";

    public string Heading { get; init; } = "";

    public string Snippet { get; init; } = "";

    public long SectionId { get; init; }
}

public sealed class ImportLogEntry
{
    public long Id { get; init; }

    public string At { get; init; } = "";

    public string Path { get; init; } = "";

    public string? Sha256 { get; init; }

    public string Outcome { get; init; } = "";

    public long? FilingId { get; init; }

    public string? Message { get; init; }
}

/// <summary>A stored company, as a person picks it by ticker, CIK or name.</summary>
public sealed record CompanyRef(long Id, string Name, string? Ticker, string? Cik)
{
    public string Describe() => Name + (Ticker is null ? "" : $" ({Ticker})") + (Cik is null ? "" : $" CIK {Cik}");
}
