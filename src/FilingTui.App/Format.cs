using System.Globalization;
using FilingTui.Core.Model;

namespace FilingTui.App;

/// <summary>Numbers as a statement prints them: thousands separators, negatives in parentheses.</summary>
public static class Format
{
    public static string Value(decimal? value, RowUnit unit)
    {
        if (value is not decimal v)
        {
            return "";
        }

        var digits = unit == RowUnit.UsdPerShare || decimal.Truncate(v) != v ? "#,0.00" : "#,0";
        var text = Math.Abs(v).ToString(digits, CultureInfo.InvariantCulture);
        return v < 0 ? "(" + text + ")" : text + " ";
    }

    public static string ColumnHeader(StatementColumn c)
    {
        var period = c.Months == 0 ? c.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"{c.Months}M {c.End:yyyy-MM}";
        return c.Label is null ? period : $"{period} {c.Label}";
    }

    public static string ScaleLabel(int scale, RowUnit unit) => (unit, scale) switch
    {
        (RowUnit.UsdPerShare, _) => "$ per share",
        (RowUnit.Shares, 1000) => "shares, thousands",
        (RowUnit.Shares, 1000000) => "shares, millions",
        (RowUnit.Shares, _) => "shares",
        (_, 1000) => "$ thousands",
        (_, 1000000) => "$ millions",
        _ => "$",
    };

    public static string Period(Filing f)
    {
        if (f.Period is not Period p)
        {
            return "period unknown";
        }

        var fiscal = p.FiscalLabel is string fl ? fl + " " : "";
        return $"{fiscal}({p.CalendarQuarter}, {p.Months}M ended {p.End:yyyy-MM-dd})";
    }

    public static string StatusMark(string status) => status switch
    {
        "reconciled" => "✓",
        "warnings" => "!",
        _ => "–",
    };

    /// <summary>"Total revenues: 7,778 ($ thousands), 3M ended 2005-09-30 Q1 FY2006": one stored value and where it came from.</summary>
    public static string Fact(FilingTui.Data.LineFact f)
    {
        var unit = StatementKindNames.UnitFromKey(f.Unit);
        var fiscal = f.FiscalYear is int y ? (f.Months is 0 or 3) && f.FiscalQuarter is int q ? $" Q{q} FY{y}" : $" FY{y}" : "";
        return $"{f.Label}: {Value(f.Value, unit).Trim()} ({ScaleLabel(f.Scale, unit)}) for {(f.Months == 0 ? "as of" : $"{f.Months}M ended")} {f.EndDate}{fiscal} — filing {f.FilingId} ({f.Company}, {f.FilingDate}), line {f.SourceLine}";
    }
}
