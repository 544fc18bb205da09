namespace FilingTui.Core.Model;

/// <summary>One value of a line item for one period, as stored, with its source.</summary>
public sealed record PeriodValue(DateOnly End, int Months, decimal Value, string Source);

/// <summary>A quarter's value: reported, or derived from year-to-date values (Q2 = 6M - Q1, Q4 = FY - 9M).</summary>
public sealed record QuarterValue(DateOnly End, decimal Value, bool Derived, string Source);

/// <summary>
/// Quarterly values of one line item from every stored period. Year-to-date amounts fill the quarters no
/// filing reported on its own; per-share amounts and share counts are never derived (they do not subtract).
/// </summary>
public static class QuarterSeries
{
    private static int Key(DateOnly d) => (d.Year * 12) + d.Month - (d.Day <= 7 ? 1 : 0);

    public static List<QuarterValue> Build(IEnumerable<PeriodValue> values, RowUnit unit)
    {
        var list = values.ToList();
        var quarters = new Dictionary<int, QuarterValue>();
        foreach (var v in list.Where(v => v.Months == 3))
        {
            quarters.TryAdd(Key(v.End), new QuarterValue(v.End, v.Value, false, v.Source));
        }

        if (unit == RowUnit.Usd)
        {
            // Year-to-date by length and end month; a quarter is YTD(m) less YTD(m - 3) three months earlier.
            var ytd = list.Where(v => v.Months is 3 or 6 or 9 or 12).GroupBy(v => (v.Months, Key(v.End))).ToDictionary(g => g.Key, g => g.First());
            foreach (var v in list.Where(v => v.Months is 6 or 9 or 12).OrderBy(v => v.Months))
            {
                var key = Key(v.End);
                if (quarters.ContainsKey(key))
                {
                    continue;
                }

                if (ytd.TryGetValue((v.Months - 3, key - 3), out var before))
                {
                    quarters[key] = new QuarterValue(v.End, v.Value - before.Value, true, $"{v.Months}M ({v.Source}) less {before.Months}M ({before.Source})");
                }
                else if (v.Months == 6 && quarters.TryGetValue(key - 3, out var q1) && !q1.Derived)
                {
                    quarters[key] = new QuarterValue(v.End, v.Value - q1.Value, true, $"6M ({v.Source}) less Q ({q1.Source})");
                }
            }
        }

        return [.. quarters.Values.OrderBy(q => q.End)];
    }
}
