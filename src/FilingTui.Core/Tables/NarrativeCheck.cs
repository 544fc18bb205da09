using System.Globalization;
using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>
/// The release's sentences that state a figure ("a net loss of $4.7 million, or $0.11 per basic and diluted share,
/// compared to ... $2.5 million") against the table values they round (4,706 thousand). A mismatch is a warning.
/// </summary>
public static partial class NarrativeCheck
{
    private sealed record Claim(string Concept, Regex Pattern, StatementKind Kind, bool Loss = false);

    private const string Amount = @"\$\s?(?<x>[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?)\s+(?<u>million|billion|thousand)";

    private static readonly Claim[] Claims =
    [
        new("NetIncomeLoss", NetIncomeClaim(), StatementKind.Operations),
        new("Revenues", RevenueClaim(), StatementKind.Operations),
        new("OperatingExpenses", OperatingExpensesClaim(), StatementKind.Operations),
        new("CashCashEquivalentsAndMarketableSecurities", CashClaim(), StatementKind.BalanceSheet),
    ];

    [GeneratedRegex(@"net (?<kind>loss|income|earnings)\b(?!\s+tax)[^$.]{0,40}?\bof\s+" + Amount, RegexOptions.IgnoreCase)]
    private static partial Regex NetIncomeClaim();

    [GeneratedRegex(@"(?:^|(?<=\b(?:total|quarterly|net|consolidated|our|its|the|company's|company’s)\s+))(?:total )?revenues?\b(?:(?!\binclud)[^$]){0,90}?\b(?:were|was|of|totaled|totalled|amounted to)\s+" + Amount, RegexOptions.IgnoreCase)]
    private static partial Regex RevenueClaim();

    [GeneratedRegex(@"\boperating expenses\b(?:(?!\binclud)[^$]){0,90}?\b(?:were|was|totaled|totalled)\s+" + Amount, RegexOptions.IgnoreCase)]
    private static partial Regex OperatingExpensesClaim();

    [GeneratedRegex(Amount + @"\s+in\s+cash(?:,\s*cash equivalents,?)?\s+and\s+(?:marketable securities|investments)", RegexOptions.IgnoreCase)]
    private static partial Regex CashClaim();

    [GeneratedRegex(@"\bcompared\b|\bversus\b|\bvs\.", RegexOptions.IgnoreCase)]
    private static partial Regex Compared();

    [GeneratedRegex(@"\$\s?(?<x>[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?)\s+(?<u>million|billion|thousand)", RegexOptions.IgnoreCase)]
    private static partial Regex AnyAmount();

    [GeneratedRegex(@"\$\s?(?<x>[0-9]+\.[0-9]{2})\s+per\s+(?:basic\s+and\s+diluted\s+|diluted\s+|basic\s+)?(?:common\s+)?share", RegexOptions.IgnoreCase)]
    private static partial Regex PerShare();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""“])")]
    private static partial Regex SentenceBreak();

    [GeneratedRegex(@"\b(?<n>six|nine|twelve)[- ]months?\b|\bfiscal year\b(?! ending)|\bfull year\b", RegexOptions.IgnoreCase)]
    private static partial Regex LongerPeriod();

    public static void Check(Filing filing)
    {
        var texts = filing.Sections.Where(s => s.Kind is SectionKind.FinancialResults or SectionKind.Quote).Select(s => s.Text);
        int agreed = 0, disagreed = 0;
        foreach (var sentence in texts.SelectMany(t => SentenceBreak().Split(t.Replace('\n', ' '))))
        {
            // Every figure checked is a dollar amount: a sentence without "$" states none.
            if (!sentence.Contains('$', StringComparison.Ordinal))
            {
                continue;
            }

            var months = MonthsOf(sentence);
            foreach (var claim in Claims)
            {
                var m = claim.Pattern.Match(sentence);
                if (!m.Success || Row(filing, claim.Kind, claim.Concept) is not (Statement st, StatementRow row))
                {
                    continue;
                }

                // The first figure is this period's; one after "compared" is the same period a year before.
                var figures = new List<Match> { m };
                var rest = sentence[(m.Index + m.Length)..];
                var compared = Compared().Match(rest);
                if (compared.Success && AnyAmount().Match(rest, compared.Index) is { Success: true } prior)
                {
                    figures.Add(prior);
                }

                for (var i = 0; i < figures.Count; i++)
                {
                    if (Column(st, claim.Kind == StatementKind.BalanceSheet ? 0 : months, i) is not int col || row.Values[col] is not decimal value)
                    {
                        continue;
                    }

                    if (Agrees(figures[i], value, row.Scale))
                    {
                        agreed++;
                    }
                    else
                    {
                        disagreed++;
                        Warn(filing, row, st.Columns[col], figures[i].Value, value);
                    }
                }
            }

            foreach (var (ps, i) in PerShare().Matches(sentence).Select((p, i) => (p, i)).Take(2))
            {
                if (Row(filing, StatementKind.Operations, "EarningsPerShareBasicAndDiluted") is not (Statement st, StatementRow row)
                    || !sentence.Contains("net", StringComparison.OrdinalIgnoreCase)
                    || Column(st, months, i) is not int col || row.Values[col] is not decimal value)
                {
                    continue;
                }

                var stated = decimal.Parse(ps.Groups["x"].Value, CultureInfo.InvariantCulture);
                if (stated == Math.Abs(value))
                {
                    agreed++;
                }
                else
                {
                    disagreed++;
                    Warn(filing, row, st.Columns[col], ps.Value, value);
                }
            }
        }

        if (agreed + disagreed > 0)
        {
            filing.Diagnostics.Add(new Diagnostic(Severity.Info, "narrative", $"{agreed} of {agreed + disagreed} figures stated in the text agree with the tables"));
        }
    }

    private static void Warn(Filing filing, StatementRow row, StatementColumn column, string stated, decimal value) =>
        filing.Diagnostics.Add(new Diagnostic(
            Severity.Warning,
            "narrative-mismatch",
            string.Create(CultureInfo.InvariantCulture, $"the text states {stated.Trim()} for {row.Label.ToLowerInvariant()} ({(column.Months == 0 ? "as of" : $"{column.Months}M ended")} {column.End:yyyy-MM-dd}) but the table prints {value:#,0.##}{(row.Scale == 1000 ? " thousand" : row.Scale == 1000000 ? " million" : "")}"),
            row.SourceLine));

    private static int MonthsOf(string sentence)
    {
        var m = LongerPeriod().Match(sentence);
        if (!m.Success)
        {
            return 3;
        }

        return m.Groups["n"].Value.ToLowerInvariant() switch
        {
            "six" => 6,
            "nine" => 9,
            _ => 12,
        };
    }

    private static (Statement, StatementRow)? Row(Filing filing, StatementKind kind, string concept)
    {
        foreach (var st in filing.Statements.Where(s => s.Kind == kind))
        {
            if (st.Rows.FirstOrDefault(r => r.Concept == concept) is StatementRow row)
            {
                return (st, row);
            }
        }

        return null;
    }

    /// <summary>The nth most recent column of a length (0: this period; 1: the year before).</summary>
    private static int? Column(Statement st, int months, int nth)
    {
        var cols = st.Columns.Select((c, i) => (c, i)).Where(x => x.c.Months == months).OrderByDescending(x => x.c.End).ToList();
        return nth < cols.Count ? cols[nth].i : null;
    }

    private static bool Agrees(Match figure, decimal value, int scale)
    {
        var text = figure.Groups["x"].Value.Replace(",", "", StringComparison.Ordinal);
        var stated = decimal.Parse(text, CultureInfo.InvariantCulture);
        var decimals = text.Contains('.') ? text.Length - text.IndexOf('.') - 1 : 0;
        var unit = figure.Groups["u"].Value.ToLowerInvariant() switch
        {
            "billion" => 1_000_000_000m,
            "thousand" => 1_000m,
            _ => 1_000_000m,
        };
        var actual = Math.Abs(value) * scale / unit;
        return Math.Round(actual, decimals, MidpointRounding.AwayFromZero) == stated || Math.Round(actual, decimals, MidpointRounding.ToEven) == stated;
    }
}
