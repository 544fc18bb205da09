using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>
/// What a statement's rows look like, whatever its title says: an income statement runs from revenue through costs
/// to a net result and an amount per share; a balance sheet totals its assets and then its liabilities or equity; a
/// statement of cash flows nets cash from operating activities and from investing or financing.
/// </summary>
internal static partial class RowSignatures
{
    /// <summary>Revenue, then a cost or expense, then the net result, then an amount per share, in that order.</summary>
    public static bool IsOperations(IReadOnlyList<StatementRow> rows)
    {
        var revenue = IndexOf(rows, 0, r => r.Unit == RowUnit.Usd && (Concepts.Known(r) == "Revenues" || RevenueLine().IsMatch(Concepts.NormalizeLabel(r.Label))));
        var cost = revenue < 0 ? -1 : IndexOf(rows, revenue + 1, r => r.Unit == RowUnit.Usd && (Concepts.Known(r) is "CostOfRevenue" or "OperatingExpenses"
            || Checks.NamesAnExpense(r.Label) || (r.Section is string s && Checks.NamesAnExpense(s))));
        var net = cost < 0 ? -1 : IndexOf(rows, cost + 1, r => r.Unit == RowUnit.Usd && NetResult().IsMatch(Concepts.NormalizeLabel(r.Label)));
        return net >= 0 && IndexOf(rows, net + 1, r => r.Unit == RowUnit.UsdPerShare) >= 0;
    }

    /// <summary>A total of assets, then a total of liabilities or of equity.</summary>
    public static bool IsBalanceSheet(IReadOnlyList<StatementRow> rows)
    {
        var assets = IndexOf(rows, 0, r => Concepts.Known(r) == "Assets");
        return assets >= 0 && IndexOf(rows, assets + 1, r => Concepts.Known(r) is "Liabilities" or "LiabilitiesAndStockholdersEquity" or "StockholdersEquity"
            || LiabilitiesTotal().IsMatch(Concepts.NormalizeLabel(r.Label))) >= 0;
    }

    /// <summary>Net cash from operating activities and from investing or financing activities.</summary>
    public static bool IsCashFlow(IReadOnlyList<StatementRow> rows) =>
        rows.Any(r => Concepts.Known(r) == "NetCashProvidedByUsedInOperatingActivities")
        && rows.Any(r => Concepts.Known(r) is "NetCashProvidedByUsedInInvestingActivities" or "NetCashProvidedByUsedInFinancingActivities");

    private static int IndexOf(IReadOnlyList<StatementRow> rows, int from, Func<StatementRow, bool> test)
    {
        for (var i = from; i < rows.Count; i++)
        {
            if (test(rows[i]))
            {
                return i;
            }
        }

        return -1;
    }

    // Labels are lower case already (Concepts.NormalizeLabel). Revenue in the words of industries that do not say
    // "revenue": a bank's interest income, an investment company's investment income, an insurer's premiums.
    [GeneratedRegex(@"^(?!cost)(?:total |net |operating )*(?:revenues?|sales)\b|\brevenues?(?:, net)?$|^total (?:net )?revenues?\b|^(?:total )?(?:investment|interest(?: and dividend)?) income$|^(?:net |total )*premiums (?:earned|written)\b")]
    private static partial Regex RevenueLine();

    [GeneratedRegex(@"^net (?:\(loss\) |income \(loss\) |\(loss\)/)?(?:income|loss|earnings|profit)\b|^(?:net )?(?:profit|\(loss\)|loss|income)(?: \(loss\))? for the (?:period|year|quarter)\b|^net (?:increase|decrease)\b.*\bresulting from operations\b")]
    private static partial Regex NetResult();

    [GeneratedRegex(@"^total (?:liabilities|(?:stock|share)holders'? (?:equity|deficit)|equity)\b")]
    private static partial Regex LiabilitiesTotal();
}
