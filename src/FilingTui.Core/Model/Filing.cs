namespace FilingTui.Core.Model;

public sealed class Company
{
    public string Name { get; set; } = "";
    public string? Ticker { get; set; }
    public string? Exchange { get; set; }
    public string? Cik { get; set; }
    public string? StateOfIncorporation { get; set; }
    public string? CommissionFileNumber { get; set; }
    public string? IrsEmployerId { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public int? FiscalYearEndMonth { get; set; }
}

public sealed record Exhibit(string Number, string? Description);

public sealed record Signer(string Name, string? Title);

public sealed record Contact(string Role, string Name, string? Phone, string? Email);

public sealed record Release(string Title, DateOnly? Date, string? Dateline);

/// <summary>A reporting period: an end date and its length; months 0 is a point in time (a balance-sheet date).</summary>
public sealed record Period(DateOnly End, int Months, int? FiscalYear = null, int? FiscalQuarter = null)
{
    /// <summary>Calendar quarter label such as 2005Q3.</summary>
    public string CalendarQuarter => $"{End.Year}Q{(End.Month + 2) / 3}";

    public string? FiscalLabel => FiscalYear is int y && FiscalQuarter is int q ? $"Q{q} FY{y}" : null;
}

public enum SectionKind
{
    Cover,
    FinancialResults,
    BusinessUpdate,
    Guidance,
    Quote,
    About,
    Webcast,
    ForwardLooking,
    Contacts,
    Other,
}

public sealed record Section(string Heading, SectionKind Kind, string Text, int Line);

/// <summary>Everything the import pipeline learned from one filing.</summary>
public sealed class Filing
{
    public Company Company { get; set; } = new();
    public string? Form { get; set; }
    public DateOnly? ReportDate { get; set; }

    /// <summary>From an EDGAR submission's header: "0001193125-11-009392".</summary>
    public string? AccessionNumber { get; set; }

    public DateOnly? FiledDate { get; set; }
    public List<string> Items { get; } = [];
    public List<Exhibit> Exhibits { get; } = [];
    public Signer? Signer { get; set; }
    public Release? Release { get; set; }
    public Period? Period { get; set; }
    public List<Statement> Statements { get; } = [];
    public List<Section> Sections { get; } = [];

    public List<Contact> Contacts { get; } = [];
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The text the parser read (an EDGAR submission or HTML file rendered as text); source lines point into it.</summary>
    public string Text { get; set; } = "";

    /// <summary>The decoded file when it differs from <see cref="Text"/> (a submission, an HTML file): kept so it can be re-parsed.</summary>
    public string? Source { get; set; }

    public bool HasWarnings => Diagnostics.Any(d => d.Severity >= Severity.Warning);

    /// <summary>The date a list sorts by: the release date, else the report date, else the period end.</summary>
    public DateOnly? SortDate => Release?.Date ?? ReportDate ?? FiledDate ?? Period?.End;
}
