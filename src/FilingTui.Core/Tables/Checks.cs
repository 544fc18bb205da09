using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>One accounting identity tested on one column.</summary>
public sealed record CheckResult(int Row, int Column, bool Passed, decimal Expected, decimal Actual, string What);

/// <summary>
/// Accounting identities over a statement's rows: totals equal the sum of their parts, assets equal liabilities
/// and equity, revenues less expenses give the operating result, the pre-tax result less tax gives the net
/// result. They judge between readings of ambiguous text and flag filings that do not add up; they never
/// change a value.
/// </summary>
public static partial class Checks
{
    private const decimal Tolerance = 1m;

    public static List<CheckResult> Run(IReadOnlyList<StatementRow> rows, int columns)
    {
        var results = new List<CheckResult>();
        int Find(string concept)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Concept == concept || (rows[i].Concept is null && Concepts.Known(rows[i]) == concept))
                {
                    return i;
                }
            }

            return -1;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!row.IsTotal || row.Unit != RowUnit.Usd || !SaysTotal(row))
            {
                continue;
            }

            var partsA = PartsSincePreviousTotal(rows, i, out var previousTotal);
            var readings = new List<List<int>>();
            if (partsA.Count > 0)
            {
                readings.Add(partsA);
            }

            // A total printed right under another total with nothing between them is a new block, not a sum of one.
            // Nor does a total sum the one above when a section heading opened between them ("Liabilities:").
            if (previousTotal >= 0 && partsA.Count > 0 && SaysTotal(rows[previousTotal]) && (row.Section is null || row.Section == rows[previousTotal].Section))
            {
                readings.Add([previousTotal, .. partsA]);
            }

            // Totals of totals: "Total assets" = "Total current assets" + "Total non-current assets" (+ loose rows
            // between them); each earlier subtotal stands for the rows it sums.
            var chain = new List<int>(partsA);
            for (var (t, depth) = (previousTotal, 0); t >= 0 && depth < 4; depth++)
            {
                chain.Add(t);
                var own = PartsSincePreviousTotal(rows, t, out var before);
                if (depth > 0)
                {
                    readings.Add([.. chain]);
                }

                if (own.Count == 0 || before < 0)
                {
                    break;
                }

                t = before;
            }

            // A "sum" of one row proves nothing and misfires on tables that are not sums (a reconciliation's lines).
            // But a total equal to its one part ("Total current liabilities" under its only line) is no failure either.
            var single = readings.Where(r => r.Count == 1).ToList();
            readings.RemoveAll(r => r.Count < 2);
            if (readings.Count == 0)
            {
                continue;
            }

            for (var c = 0; c < columns; c++)
            {
                if (Value(row, c) is not decimal actual || single.Any(p => Sum(rows, p, c) is decimal one && Math.Abs(one - actual) <= Tolerance))
                {
                    continue;
                }

                decimal? best = null;
                foreach (var parts in readings)
                {
                    var sum = Sum(rows, parts, c);
                    if (sum is decimal s && (best is null || Math.Abs(s - actual) < Math.Abs(best.Value - actual)))
                    {
                        best = s;
                    }
                }

                if (best is decimal b)
                {
                    results.Add(new CheckResult(i, c, Math.Abs(b - actual) <= Tolerance, b, actual, $"{row.Label} = sum of its parts"));
                }
            }
        }

        Identity(rows, columns, results, Find("Assets"), [(Find("LiabilitiesAndStockholdersEquity"), 1)], "total assets = total liabilities and equity", swap: true);
        var revenues = Find("Revenues");
        var gross = Find("GrossProfit");
        var opex = Find("OperatingExpenses");
        var cost = Find("CostOfRevenue");
        var operating = Find("OperatingIncomeLoss");
        if (gross >= 0 && revenues >= 0 && cost >= 0)
        {
            Identity(rows, columns, results, gross, [(revenues, 1), (cost, -1)], "gross profit = revenues - cost of revenues");
        }

        if (operating >= 0 && opex >= 0)
        {
            if (gross >= 0 && gross < opex)
            {
                Identity(rows, columns, results, operating, [(gross, 1), (opex, -1)], "operating result = gross profit - operating expenses");
            }
            else if (revenues >= 0)
            {
                Identity(rows, columns, results, operating, [(revenues, 1), (opex, -1)], "operating result = revenues - operating expenses");
            }
        }

        var pretax = Find("IncomeLossBeforeIncomeTaxes");
        if (pretax >= 0 && operating >= 0 && operating < pretax)
        {
            Chain(rows, columns, results, operating, pretax, "pre-tax result = operating result + other items");
        }

        var net = Find("NetIncomeLoss");
        if (net >= 0 && pretax >= 0 && pretax < net)
        {
            Chain(rows, columns, results, pretax, net, "net result = pre-tax result - tax and other items");
        }

        return results;
    }

    /// <summary>
    /// One result line from another ("Income before income taxes" from "Income from operations"), through the rows
    /// between. A result printed between them ("Income before minority interests") is a step of its own. Filings
    /// print the rows between in either sign: as signed amounts to add, or costs (interest expense, tax, anything
    /// under "Other (income) expense:") as positives to subtract; the reading nearer the printed result is judged.
    /// </summary>
    private static void Chain(IReadOnlyList<StatementRow> rows, int columns, List<CheckResult> results, int from, int to, string what)
    {
        var steps = new List<int> { from };
        steps.AddRange(Enumerable.Range(from + 1, to - from - 1).Where(j => IsResult(rows[j]) && ResultStep().IsMatch(Concepts.NormalizeLabel(rows[j].Label))));
        steps.Add(to);
        for (var k = 1; k < steps.Count; k++)
        {
            var (a, b) = (steps[k - 1], steps[k]);
            var items = Enumerable.Range(a + 1, b - a - 1).Where(j => rows[j].Unit == RowUnit.Usd && !SaysTotal(rows[j])).ToList();
            var cost = items.Select(j => (j, IsCost(rows[j]) ? -1 : 1)).ToList();
            List<List<(int Row, int Sign)>> others = [[(a, 1), .. cost], [(a, 1), .. items.Select(j => (j, -1))]];
            Identity(rows, columns, results, b, [(a, 1), .. items.Select(j => (j, 1))], steps.Count == 2 ? what : $"{rows[b].Label} = {rows[a].Label} + the items between", alternatives: others);
        }
    }

    /// <summary>A "Total …" line, which sums rows above it; a result line ("Net loss") follows from the lines before it.</summary>
    private static bool SaysTotal(StatementRow row) => Concepts.NormalizeLabel(row.Label).StartsWith("total", StringComparison.Ordinal);

    private static bool IsResult(StatementRow row) => row.IsTotal && row.Unit == RowUnit.Usd && !SaysTotal(row);

    private static bool IsCost(StatementRow row) =>
        NamesAnExpense(row.Label) || (row.Section is string s && NamesAnExpense(s)) || Concepts.Known(row) == "IncomeTaxExpenseBenefit";

    [GeneratedRegex(@"\bbefore\b|continuing operations$")]
    private static partial Regex ResultStep();

    /// <summary>
    /// Whether a label names a cost rather than an income: the first of the words that say which, read past the
    /// parenthesized side ("Other (income) expense" is an expense printed positive; "Other income (expense)" an income).
    /// </summary>
    internal static bool NamesAnExpense(string label)
    {
        var words = Concepts.NormalizeLabel(Parenthesized().Replace(label, " ")).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var word in words)
        {
            var w = word.Trim(',', '.', ';', ':');
            if (w is "expense" or "expenses" or "cost" or "costs" or "charge" or "charges" or "loss" or "losses")
            {
                return true;
            }

            if (w is "income" or "gain" or "gains" or "benefit" or "revenue" or "revenues")
            {
                return false;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesized();

    private static List<int> PartsSincePreviousTotal(IReadOnlyList<StatementRow> rows, int i, out int previousTotal)
    {
        var parts = new List<int>();
        previousTotal = -1;
        var section = rows[i].Section;
        for (var j = i - 1; j >= 0; j--)
        {
            var r = rows[j];
            if (r.IsTotal)
            {
                previousTotal = j;
                break;
            }

            if (section is not null && r.Section != section)
            {
                break;
            }

            if (r.Unit == RowUnit.Usd)
            {
                parts.Add(j);
            }
        }

        return parts;
    }

    private static decimal? Value(StatementRow row, int c) => c < row.Values.Length ? row.Values[c] : null;

    private static decimal? Sum(IReadOnlyList<StatementRow> rows, IEnumerable<int> parts, int c)
    {
        decimal sum = 0;
        var any = false;
        foreach (var p in parts)
        {
            if (Value(rows[p], c) is decimal v)
            {
                sum += v;
                any = true;
            }
        }

        return any ? sum : null;
    }

    private static void Identity(IReadOnlyList<StatementRow> rows, int columns, List<CheckResult> results, int target, List<(int Row, int Sign)> terms, string what, bool swap = false, List<List<(int Row, int Sign)>>? alternatives = null)
    {
        if (target < 0 || terms.Any(t => t.Row < 0))
        {
            return;
        }

        for (var c = 0; c < columns; c++)
        {
            if (Value(rows[target], c) is not decimal actual)
            {
                continue;
            }

            decimal? Eval(List<(int Row, int Sign)> ts)
            {
                decimal s = 0;
                foreach (var (r, sign) in ts)
                {
                    if (Value(rows[r], c) is not decimal v)
                    {
                        return null;
                    }

                    s += sign * v;
                }

                return s;
            }

            var expected = Eval(terms);
            foreach (var alternative in alternatives ?? [])
            {
                if (Eval(alternative) is decimal alt && (expected is null || Math.Abs(alt - actual) < Math.Abs(expected.Value - actual)))
                {
                    expected = alt;
                }
            }

            if (expected is decimal e)
            {
                var row = swap ? terms[0].Row : target;
                results.Add(new CheckResult(row, c, Math.Abs(e - actual) <= Tolerance, e, actual, what));
            }
        }
    }

    public static int Score(List<CheckResult> results) => results.Count(r => r.Passed) - (2 * results.Count(r => !r.Passed));
}
