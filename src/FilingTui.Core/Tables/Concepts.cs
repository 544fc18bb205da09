using FilingTui.Core.Import;
using System.Text;
using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>
/// Labels to concept keys shared across filings (named after the US-GAAP taxonomy where one fits), so that a
/// line can be followed from quarter to quarter while its printed label drifts.
/// </summary>
public static partial class Concepts
{
    private static readonly (Regex Pattern, string Concept, Func<StatementRow, bool>? When)[] Rules =
    [
        (R(@"^total (net )?(operating )?revenues?(, net)?$|^(net )?revenues?,? (total|net)$|^total (net )?sales$|^net sales$|^(net |operating )?revenues?$|^sales$|^total net revenue$|^net sales and (operating )?revenues?$"), "Revenues", null),
        (R(@"^cost of (net )?(sales|revenues?|goods sold|products sold)$|^total cost of (net )?(sales|revenues?)$"), "CostOfRevenue", null),
        (R(@"^gross (profit|margin)$"), "GrossProfit", null),
        (R(@"^research and development( expenses?| costs?)?$|^research & development$"), "ResearchAndDevelopmentExpense", r => r.Section is null || !r.Section.StartsWith("Revenue", StringComparison.OrdinalIgnoreCase)),
        (R(@"^selling, general,? and administrative( expenses?)?$"), "SellingGeneralAndAdministrativeExpense", null),
        (R(@"^general and administrative( expenses?)?$"), "GeneralAndAdministrativeExpense", null),
        (R(@"^(sales|selling) and marketing( expenses?)?$|^marketing and sales( expenses?)?$"), "SellingAndMarketingExpense", null),
        (R(@"^interest expense(, net)?$"), "InterestExpense", null),
        (R(@"^total (operating )?(costs and )?expenses$|^total costs and expenses$|^total operating expenses$"), "OperatingExpenses", null),
        (R(@"^(\(loss\) income|income \(loss\)|loss|income|operating income|operating loss|operating income \(loss\))( from operations)?$|^(loss|income|income \(loss\)|\(loss\) income) from operations$|^operating (income|loss|income \(loss\))$"), "OperatingIncomeLoss", r => r.Label.Contains("operat", StringComparison.OrdinalIgnoreCase)),
        (R(@"^(total )?other income( \(expense\))?,? net$|^other (income|expense),? net$|^interest and other income,? net$|^non-operating income( \(expense\))?,? net$"), "NonoperatingIncomeExpense", null),
        (R(@"\bbefore\b.*\b(income )?tax(es)?\b"), "IncomeLossBeforeIncomeTaxes", null),
        (R(@"^(\(benefit\)/provision|provision|\(provision\) benefit|benefit|provision \(benefit\)|income tax(es)?( expense| provision| benefit| expense \(benefit\))?)( for income taxes)?$|^income tax (expense|provision|benefit)$"), "IncomeTaxExpenseBenefit", null),
        (R(@"^\(provision for\) benefit from income taxes$|^\(benefit from\) provision for income taxes$|^(provision for|benefit from|\(provision\) benefit for|\(benefit\) provision for) income taxes$|^income tax (expense|provision|benefit)( \(benefit\))?$"), "IncomeTaxExpenseBenefit", null),
        (R(@"^net (income|loss|earnings)( \(loss\))?$|^net \(loss\) income$|^net income \(loss\)$"), "NetIncomeLoss", null),
        // A label path, "Diluted: Net income" (a heading over the rows, see StatementBuilder): the heading says which
        // per-share figure, the row's own words say it is the whole result rather than continuing operations.
        (R(@"\bdiluted\b[^:]*: .*\bdiscontinued operations\b"), "IncomeLossFromDiscontinuedOperationsNetOfTaxPerDilutedShare", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"\bdiluted\b[^:]*: .*\bcontinuing operations\b"), "IncomeLossFromContinuingOperationsPerDilutedShare", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"\bbasic\b[^:]*: .*\bdiscontinued operations\b"), "IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicShare", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"\bbasic\b[^:]*: .*\bcontinuing operations\b"), "IncomeLossFromContinuingOperationsPerBasicShare", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"\bbasic and diluted\b[^:]*: (?!.*\b(continuing|discontinued)\b)"), "EarningsPerShareBasicAndDiluted", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"\bdiluted\b[^:]*: (?!.*\b(continuing|discontinued)\b)"), "EarningsPerShareDiluted", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"\bbasic\b[^:]*: (?!.*\b(continuing|discontinued)\b)"), "EarningsPerShareBasic", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"per (common )?share.*basic and diluted|basic and diluted.*per (common )?share|^(basic and diluted|net loss per share)$"), "EarningsPerShareBasicAndDiluted", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"per (common )?share.*\bbasic\b|^basic$|basic (net )?(income|loss|earnings) per"), "EarningsPerShareBasic", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"per (common )?share.*\bdiluted\b|^diluted$|diluted (net )?(income|loss|earnings) per"), "EarningsPerShareDiluted", r => r.Unit == RowUnit.UsdPerShare),
        (R(@"basic and diluted"), "WeightedAverageNumberOfSharesOutstandingBasicAndDiluted", r => r.Unit == RowUnit.Shares),
        (R(@"\bbasic\b"), "WeightedAverageNumberOfSharesOutstandingBasic", r => r.Unit == RowUnit.Shares),
        (R(@"\bdiluted\b"), "WeightedAverageNumberOfDilutedSharesOutstanding", r => r.Unit == RowUnit.Shares),
        (R(@"^total assets$"), "Assets", null),
        (R(@"^total current assets$"), "AssetsCurrent", null),
        (R(@"^total liabilities and (stock|share)holders'? (equity|deficit)$|^total liabilities and equity$"), "LiabilitiesAndStockholdersEquity", null),
        (R(@"^total liabilities$"), "Liabilities", null),
        (R(@"^(total )?current liabilities$"), "LiabilitiesCurrent", null),
        (R(@"^(total )?(stock|share)holders'? (equity|deficit)$|^total equity$"), "StockholdersEquity", null),
        (R(@"^cash and (cash )?equivalents$|^cash$"), "CashAndCashEquivalents", null),
        (R(@"^(short-term|short term) investments$|^marketable securities(, current)?$|^short-term marketable securities$"), "ShortTermInvestments", null),
        (R(@"^prepaid expenses and other current assets$|^prepaid expenses and other$"), "PrepaidExpenseAndOtherAssetsCurrent", null),
        (R(@"^property(, plant)? and equipment(, net)?( of accumulated depreciation.*| less accumulated depreciation.*)?$|^property, plant and equipment, net$"), "PropertyPlantAndEquipmentNet", null),
        (R(@"^goodwill$"), "Goodwill", null),
        (R(@"^(other )?intangible assets(, net)?$"), "IntangibleAssetsNetExcludingGoodwill", null),
        (R(@"^accrued (liabilities|expenses)( and other( current)? liabilities)?$|^accrued expenses and other$"), "AccruedLiabilitiesCurrent", null),
        (R(@"^accounts payable and accrued (liabilities|expenses)$"), "AccountsPayableAndAccruedLiabilitiesCurrent", null),
        (R(@"^long[- ]term debt(, net)?(, (less|net of|excluding) current (portion|maturities))?$"), "LongTermDebtNoncurrent", null),
        (R(@"^accumulated deficit$|^retained earnings( \(accumulated deficit\))?$|^accumulated earnings$"), "RetainedEarningsAccumulatedDeficit", null),
        (NetCash("operating"), "NetCashProvidedByUsedInOperatingActivities", null),
        (NetCash("investing"), "NetCashProvidedByUsedInInvestingActivities", null),
        (NetCash("financing"), "NetCashProvidedByUsedInFinancingActivities", null),
        (R(@"^cash(, cash equivalents)? and (marketable|short-term) (securities|investments)$|^cash, cash equivalents,? and marketable securities$"), "CashCashEquivalentsAndMarketableSecurities", null),
        (R(@"^other assets$"), "OtherAssets", null),
        (R(@"^long[- ]term portion of deferred revenue and other long[- ]term liabilities$"), "DeferredRevenueAndOtherLiabilitiesNoncurrent", null),
        (R(@"^(total |trade )?accounts receivable(, (net|less allowance.*|net of allowance.*))?$|^receivables(, net)?$"), "AccountsReceivableNetCurrent", null),
        (R(@"^inventor(y|ies)$"), "InventoryNet", null),
        (R(@"^accounts payable$"), "AccountsPayableCurrent", null),
    ];

    private static Regex R(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>"Net cash provided by (used for) investing activities", in all the ways filings word the direction.</summary>
    private static Regex NetCash(string activities) => R(@"^net cash( (provided|used|generated)( by| in| for| from)?| \((provided|used)( by| in| for)\)| from)+ " + activities + " activities$");

    private static readonly BoundedCache<string, string> NormalCache = new();

    public static string NormalizeLabel(string label) =>
        NormalCache.Get(label, static l => Whitespace.Collapse(PrintedLine.CleanLabel(l).ToLowerInvariant().Replace('’', '\'')).TrimEnd(':'));

    private static readonly BoundedCache<(string, RowUnit, string?), string?> KnownCache = new();

    /// <summary>The concept a label names; memoized, as the checks ask again for every reading they weigh.</summary>
    public static string? Known(StatementRow row) => KnownCache.Get((row.Label, row.Unit, row.Section), static (_, r) => Match(r), row);

    private static string? Match(StatementRow row)
    {
        var label = NormalizeLabel(row.Label);
        foreach (var (pattern, concept, when) in Rules)
        {
            if (pattern.IsMatch(label) && (when is null || when(row)))
            {
                return concept;
            }
        }

        return null;
    }

    /// <summary>The known concept, else the section and label in PascalCase ("Revenues.LicenseAndMilestoneFees").</summary>
    private static readonly BoundedCache<(string, string?, RowUnit, StatementKind), string> ForCache = new();

    public static string For(StatementRow row, StatementKind kind) =>
        ForCache.Get((row.Label, row.Section, row.Unit, kind), static (_, a) => ForUncached(a.row, a.kind), (row, kind));

    private static string ForUncached(StatementRow row, StatementKind kind)
    {
        if (Known(row) is string known)
        {
            return kind == StatementKind.Supplemental ? "Supplemental." + known : known;
        }

        var key = Pascal(row.Label);
        if (row.Section is string s)
        {
            key = Pascal(s) + "." + key;
        }

        return kind == StatementKind.Supplemental ? "Supplemental." + key : key;
    }

    private static string Pascal(string text)
    {
        var sb = new StringBuilder();
        foreach (Match w in Import.Normalizer.Word().Matches(NormalizeLabel(text)))
        {
            sb.Append(char.ToUpperInvariant(w.Value[0])).Append(w.Value.AsSpan(1));
        }

        return sb.Length == 0 ? "Unlabeled" : sb.ToString();
    }

    private static readonly Regex ResultLabel = R(
        @"^(net )?(income|loss|earnings|profit|\(loss\)|income \(loss\)|\(loss\) income|loss \(income\))( \(loss\))?( (from|before) .*)?$|^(operating|gross) (income|loss|profit|margin)( \(loss\))?$|^net (income|loss|earnings)( \(loss\))?( attributable to .*)?$");

    /// <summary>A total row: "Total ..." or a result line such as "Loss from operations" or "Net loss".</summary>
    private static readonly BoundedCache<string, bool> TotalCache = new();

    public static bool IsTotal(string label) => TotalCache.Get(label, IsTotalUncached);

    private static bool IsTotalUncached(string label)
    {
        var l = NormalizeLabel(label);
        if (l.StartsWith("total", StringComparison.Ordinal))
        {
            return true;
        }

        return !l.Contains(" per ", StringComparison.Ordinal) && !l.Contains("tax expense", StringComparison.Ordinal) && !l.Contains("other income", StringComparison.Ordinal) && ResultLabel.IsMatch(l);
    }

    /// <summary>
    /// The unit of a bare "Basic" or "Diluted", which its section heading names (a share count under "Shares used in
    /// computing ...", an amount per share under "Earnings per share:"); null for any other label, whose unit its
    /// own words decide.
    /// </summary>
    public static RowUnit? UnitFromSection(string label, string? section)
    {
        if (!BareShareLabel().IsMatch(NormalizeLabel(label)))
        {
            return null;
        }

        if (section is null)
        {
            return UnitOf(label);
        }

        var s = NormalizeLabel(section);
        if (ShareCountSection().IsMatch(s))
        {
            return RowUnit.Shares;
        }

        return PerShareSection().IsMatch(s) ? RowUnit.UsdPerShare : UnitOf(label);
    }

    /// <summary>
    /// A heading without a colon that still opens a section for the bare "Basic" and "Diluted" under it:
    /// "WEIGHTED AVERAGE COMMON SHARES OUTSTANDING", "NET (LOSS) INCOME PER COMMON SHARE".
    /// </summary>
    public static bool IsShareHeading(string label)
    {
        var l = NormalizeLabel(label);
        return l.Split(' ').Length <= 10 && (ShareCountLead().IsMatch(l) || ShareCountSection().IsMatch(l) || PerShareSection().IsMatch(l));
    }

    public static bool IsBareShareLabel(string label) => BareShareLabel().IsMatch(NormalizeLabel(label));

    /// <summary>
    /// A row label that says what it measures only with the heading above it: "Total", "From net income",
    /// "Continuing operations", "Net income" under "Diluted:" (a figure per share, not the net income).
    /// </summary>
    public static bool IsBareUnderHeading(string label) => BareUnderHeading().IsMatch(NormalizeLabel(label));

    /// <summary>Whether a heading names one side of the per-share figures ("Diluted:", "- Basic:") without saying shares.</summary>
    public static bool NamesBasicOrDiluted(string section)
    {
        var s = NormalizeLabel(section);
        return BasicOrDiluted().IsMatch(s) && !ShareCountSection().IsMatch(s) && !ShareCountLabel().IsMatch(s);
    }

    [GeneratedRegex(@"^(total|from .+|(income|earnings|loss|\(loss\) income|income \(loss\)) from (continuing|discontinued) operations|(continuing|discontinued) operations|net (\(loss\) )?(income|earnings|loss|profit)( \(loss\))?( attributable to .+)?)$")]
    private static partial Regex BareUnderHeading();

    [GeneratedRegex(@"\b(basic|diluted)\b")]
    private static partial Regex BasicOrDiluted();

    /// <summary>Whether a section heading names an amount per share ("Net income (loss) per share:").</summary>
    public static bool NamesPerShare(string section) => PerShareSection().IsMatch(NormalizeLabel(section)) && !ShareCountSection().IsMatch(NormalizeLabel(section));

    [GeneratedRegex(@"^(basic|diluted|basic and diluted|assuming dilution)$")]
    private static partial Regex BareShareLabel();

    public static RowUnit UnitOf(string label)
    {
        var l = NormalizeLabel(label);
        if (EquityStockLabel().IsMatch(l))
        {
            // "Common stock, no par value; 1,800,000,000 shares authorized ...": an equity amount.
            return RowUnit.Usd;
        }

        // "Shares used in computing net loss per share": a count that names what it divides.
        if (ShareCountLead().IsMatch(l))
        {
            return RowUnit.Shares;
        }

        if (PerShareLabel().IsMatch(l))
        {
            return RowUnit.UsdPerShare;
        }

        if (ShareCountLabel().IsMatch(l))
        {
            return RowUnit.Shares;
        }

        return RowUnit.Usd;
    }

    // The label's words are lower case already (NormalizeLabel), so none of these ignores case.
    [GeneratedRegex(@"^(weighted|average|shares|number of shares|common shares|denominator)")]
    private static partial Regex ShareCountSection();

    [GeneratedRegex(@"\bper\b.*\bshare|\beps\b|earnings per|loss per|income per")]
    private static partial Regex PerShareSection();

    [GeneratedRegex(@"^(common|preferred|treasury|capital|convertible preferred|class [a-z] common|ordinary) (stock|shares)\b")]
    private static partial Regex EquityStockLabel();

    [GeneratedRegex(@"\bper (common |basic |diluted |ordinary )?(share|unit)|\bper basic\b|\beps\b|\bper adr\b|^(basic|diluted)( and diluted)?$|dividends declared per")]
    private static partial Regex PerShareLabel();

    [GeneratedRegex(@"^(weighted[- ]average (number of )?(common |ordinary )?shares|average (number of )?(common |ordinary )?shares|(common |ordinary )?shares (used|outstanding)|number of (common |ordinary )?shares)\b")]
    private static partial Regex ShareCountLead();

    [GeneratedRegex(@"\bshares\b.*\b(outstanding|used|basic|diluted)|\b(basic|diluted) (weighted[- ]average )?(number of )?(common |ordinary )?shares\b|weighted[- ]average (number of )?(common )?shares|\bshares used in|number of shares|average (common )?shares")]
    private static partial Regex ShareCountLabel();
}
