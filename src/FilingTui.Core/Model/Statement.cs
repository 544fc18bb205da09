namespace FilingTui.Core.Model;

public enum StatementKind
{
    BalanceSheet,
    Operations,
    CashFlow,
    Supplemental,
}

public enum RowUnit
{
    Usd,
    UsdPerShare,
    Shares,
}

public sealed record StatementColumn(DateOnly End, int Months, string? Label = null)
{
    /// <summary>False for a matrix such as GAAP | Adj. | Non-GAAP under each period: columns sharing a period.</summary>
    public static bool AreDistinctPeriods(IReadOnlyCollection<StatementColumn> columns) => columns.DistinctBy(c => (c.End, c.Months)).Count() == columns.Count;

    public int? FiscalYear { get; set; }
    public int? FiscalQuarter { get; set; }
}

/// <summary>One printed line of a statement. Values are as printed (sign applied), in units of <see cref="Scale"/>.</summary>
public sealed class StatementRow
{
    public required string Label { get; set; }
    public required decimal?[] Values { get; set; }
    public string?[] RawValues { get; set; } = [];
    public RowUnit Unit { get; set; }
    public int Scale { get; set; } = 1;
    public string? Section { get; set; }
    public bool IsTotal { get; set; }

    /// <summary>The label was not printed: the row is a total printed without one, named from what it sums.</summary>
    public bool LabelDerived { get; set; }
    public string? Concept { get; set; }
    public int SourceLine { get; set; }
    public bool CheckFailed { get; set; }
}

public sealed class Statement
{
    public StatementKind Kind { get; set; }
    public string? Title { get; set; }
    public List<StatementColumn> Columns { get; } = [];
    public List<StatementRow> Rows { get; } = [];
    public int SourceLine { get; set; }

    /// <summary>"$ thousands" and the like, for headers.</summary>
    public string ScaleLabel
    {
        get
        {
            var scale = Rows.FirstOrDefault(r => r.Unit == RowUnit.Usd)?.Scale ?? 1;
            return scale switch { 1000 => "$ thousands", 1000000 => "$ millions", _ => "$" };
        }
    }
}

public static class StatementKindNames
{
    public static string ToKey(this StatementKind kind) => StatementKinds.Of(kind).Key;

    public static string ToTitle(this StatementKind kind) => StatementKinds.Of(kind).Title;

    /// <summary>The kind stored under a key; throws on a key no kind has (see <see cref="StatementKinds.FromKey"/>).</summary>
    public static StatementKind FromKey(string key) => StatementKinds.FromKey(key);

    public static string ToKey(this RowUnit unit) => unit switch
    {
        RowUnit.UsdPerShare => "USD/share",
        RowUnit.Shares => "shares",
        _ => "USD",
    };

    public static RowUnit UnitFromKey(string key) => key switch
    {
        "USD/share" => RowUnit.UsdPerShare,
        "shares" => RowUnit.Shares,
        _ => RowUnit.Usd,
    };

    public static string ToKey(this SectionKind kind) => kind switch
    {
        SectionKind.Cover => "cover",
        SectionKind.FinancialResults => "financial_results",
        SectionKind.BusinessUpdate => "business_update",
        SectionKind.Guidance => "guidance",
        SectionKind.Quote => "quote",
        SectionKind.About => "about",
        SectionKind.Webcast => "webcast",
        SectionKind.ForwardLooking => "forward_looking",
        SectionKind.Contacts => "contacts",
        _ => "other",
    };

    public static SectionKind SectionKindFromKey(string key) =>
        Enum.GetValues<SectionKind>().FirstOrDefault(k => k.ToKey() == key, SectionKind.Other);
}
