using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Data;

/// <summary>
/// The filings row's columns that come from parsing (the same for a first import and a re-parse), made on the
/// thread that parsed the filing: the cover's JSON alone took a sixth of the single writer's time per filing.
/// </summary>
internal sealed class FilingFields
{
    /// <summary>The columns <see cref="Bind"/> fills, in its order.</summary>
    public const string Columns = "form, report_date, release_title, release_date, period_end, period_months, fiscal_year, fiscal_quarter, sort_date, status, status_reason, parser_version, cover_json, diagnostics_json, text";

    /// <summary>How many columns <see cref="Columns"/> names, so the statements can number the parameters after them.</summary>
    public static readonly int Count = Columns.Split(',').Length;

    private readonly string? _form;
    private readonly string? _reportDate;
    private readonly string? _releaseTitle;
    private readonly string? _releaseDate;
    private readonly string? _periodEnd;
    private readonly int? _periodMonths;
    private readonly int? _fiscalYear;
    private readonly int? _fiscalQuarter;
    private readonly string _sortDate;
    private readonly string? _reason;
    private readonly string _cover;
    private readonly string _diagnostics;
    private readonly string? _text;

    public FilingFields(Filing f)
    {
        Status = FilingStore.StatusOf(f, out _reason);
        var cover = FilingJson.ToNode(f, withBody: false);
        _form = f.Form;
        _reportDate = f.ReportDate?.Iso8601();
        _releaseTitle = f.Release?.Title;
        _releaseDate = f.Release?.Date?.Iso8601();
        _periodEnd = f.Period?.End.Iso8601();
        _periodMonths = f.Period?.Months;
        _fiscalYear = f.Period?.FiscalYear;
        _fiscalQuarter = f.Period?.FiscalQuarter;
        _sortDate = f.SortDate?.Iso8601() ?? "0000-00-00";
        _diagnostics = cover["diagnostics"]!.ToJsonString();
        _cover = cover.ToJsonString();
        // The text the parser read is kept beside the raw file only when it differs (an EDGAR submission, HTML).
        _text = f.Source is null ? null : f.Text;
    }

    public string Status { get; }

    /// <summary>Why the filing is not reconciled (null when it is).</summary>
    public string? Reason => _reason;

    /// <summary>Binds <see cref="Columns"/> to parameters ?<paramref name="first"/> onwards.</summary>
    public void Bind(RawStatement s, int first) => s
        .Bind(first, _form)
        .Bind(first + 1, _reportDate)
        .Bind(first + 2, _releaseTitle)
        .Bind(first + 3, _releaseDate)
        .Bind(first + 4, _periodEnd)
        .Bind(first + 5, _periodMonths)
        .Bind(first + 6, _fiscalYear)
        .Bind(first + 7, _fiscalQuarter)
        .Bind(first + 8, _sortDate)
        .Bind(first + 9, Status)
        .Bind(first + 10, _reason)
        .Bind(first + 11, ImportPipeline.ParserVersion)
        .Bind(first + 12, _cover)
        .Bind(first + 13, _diagnostics)
        .Bind(first + 14, _text);
}
