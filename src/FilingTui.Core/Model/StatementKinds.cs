using System.Text.RegularExpressions;
using FilingTui.Core.Tables;

namespace FilingTui.Core.Model;

/// <summary>
/// Everything the program knows of one kind of statement, in one place: the key it is stored and printed under,
/// the name the screens give it, where it is shown among the others, the title words that name it, whether its
/// columns are instants (a balance sheet's dates) or durations, and the row signature that knows it by its content
/// when its title does not (an income statement titled "Operating Summary", or not titled at all).
/// </summary>
/// <param name="TitleWords">The phrase of a statement title that names this kind ("Statements of Cash Flows"), or null.</param>
/// <param name="Signature">Whether a table's rows, in print order, are this kind of statement; null when no content tells it.</param>
public sealed record StatementKindInfo(
    StatementKind Kind,
    string Key,
    string Title,
    int DisplayOrder,
    bool Instants,
    Regex? TitleWords,
    Func<IReadOnlyList<StatementRow>, bool>? Signature);

public static class StatementKinds
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Most specific first: a title or a table is given the first kind whose words or signature it shows.</summary>
    public static readonly IReadOnlyList<StatementKindInfo> All =
    [
        new(StatementKind.BalanceSheet, "balance_sheet", "Balance sheet", 1, Instants: true,
            new Regex(@"\bBALANCE\s+SHEETS?\b|\bSTATEMENTS?\s+OF\s+(?:CONSOLIDATED\s+)?(?:FINANCIAL\s+(?:POSITION|CONDITION)|ASSETS\s+AND\s+LIABILITIES)\b", Options),
            RowSignatures.IsBalanceSheet),
        new(StatementKind.CashFlow, "cash_flow", "Cash flows", 2, Instants: false,
            new Regex(@"\bSTATEMENTS?\s+OF\s+(?:CONSOLIDATED\s+)?CASH\s+FLOWS?\b|\bCASH\s+FLOWS?\s+STATEMENTS?\b", Options),
            RowSignatures.IsCashFlow),
        new(StatementKind.Operations, "operations", "Operations", 0, Instants: false,
            new Regex(@"\bSTATEMENTS?\s+OF\s+(?:CONSOLIDATED\s+)?(?:OPERATIONS|INCOME|EARNINGS|LOSS|PROFIT\s+OR\s+\(?LOSS\)?)|\bINCOME\s+STATEMENTS?\b", Options),
            RowSignatures.IsOperations),

        // "Statements of Comprehensive Income" alone is often the income statement and sometimes only the other
        // comprehensive income that follows it: the title leaves it supplemental, its rows decide (the signatures above).
        new(StatementKind.Supplemental, "supplemental", "Supplemental", 3, Instants: false,
            new Regex(@"\bSTATEMENTS?\s+OF\s+(?:CONSOLIDATED\s+)?COMPREHENSIVE\s+(?:INCOME|LOSS)\b", Options),
            null),
    ];

    public static StatementKindInfo Of(StatementKind kind) => All.First(k => k.Kind == kind);

    /// <summary>The kind stored under a key; an unknown key is a defect of the store or the file, not a supplemental table.</summary>
    public static StatementKind FromKey(string key) =>
        All.FirstOrDefault(k => k.Key == key)?.Kind ?? throw new FormatException($"unknown statement kind \"{key}\"");

    /// <summary>The kind whose title words <paramref name="text"/> shows, the earliest in the text winning, with the words themselves.</summary>
    public static (StatementKind Kind, string Words)? FromTitleWords(string text)
    {
        (StatementKind Kind, Match Match)? best = null;
        foreach (var k in All)
        {
            if (k.TitleWords?.Match(text) is { Success: true } m && (best is null || m.Index < best.Value.Match.Index))
            {
                best = (k.Kind, m);
            }
        }

        return best is { } b ? (b.Kind, b.Match.Value) : null;
    }

    /// <summary>
    /// The kind a table's rows show by their signature, or null when they show none, or more than one: a summary
    /// that runs from revenue to earnings per share and then to total assets is no one statement.
    /// </summary>
    public static StatementKind? FromRows(IReadOnlyList<StatementRow> rows) =>
        All.Where(k => k.Signature?.Invoke(rows) == true).Select(k => k.Kind).ToList() is [var only] ? only : null;
}
