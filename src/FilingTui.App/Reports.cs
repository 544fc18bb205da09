using System.Text;
using FilingTui.Core.Model;

namespace FilingTui.App;

/// <summary>Plain-text renderings of a filing for the command line.</summary>
public static class Reports
{
    public static string Filing(Filing f, long? id = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{(id is long i ? $"#{i} " : "")}{f.Company.Name}{(f.Company.Ticker is null ? "" : $" ({f.Company.Exchange}: {f.Company.Ticker})")}");
        sb.AppendLine($"  form: {f.Form ?? "press release"}   report date: {f.ReportDate?.ToString("yyyy-MM-dd") ?? "-"}   items: {(f.Items.Count == 0 ? "-" : string.Join(", ", f.Items))}");
        sb.AppendLine($"  release: {f.Release?.Title ?? "-"} ({f.Release?.Date?.ToString("yyyy-MM-dd") ?? "no date"})");
        foreach (var c in f.Contacts)
        {
            sb.AppendLine($"  {c.Role.ToLowerInvariant()} contact: {c.Name}{(c.Phone is null ? "" : ", " + c.Phone)}{(c.Email is null ? "" : ", " + c.Email)}");
        }

        sb.AppendLine($"  period: {Format.Period(f)}   fiscal year ends: month {f.Company.FiscalYearEndMonth?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}");
        foreach (var s in f.Statements)
        {
            sb.AppendLine();
            sb.Append(Statement(s));
        }

        if (f.Sections.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Sections:");
            foreach (var s in f.Sections)
            {
                sb.AppendLine($"  [{s.Kind.ToKey()}] {s.Heading}");
            }
        }

        var notes = f.Diagnostics.Where(d => d.Severity >= Severity.Warning).ToList();
        if (notes.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Warnings:");
            foreach (var d in notes)
            {
                sb.AppendLine("  " + d);
            }
        }

        return sb.ToString();
    }

    public static string Statement(Statement s)
    {
        var sb = new StringBuilder();
        var scale = s.Rows.FirstOrDefault(r => r.Unit == RowUnit.Usd) is StatementRow r0 ? Format.ScaleLabel(r0.Scale, r0.Unit) : "";
        sb.AppendLine($"{s.Kind.ToTitle()} ({scale})");
        var labelWidth = Math.Min(60, s.Rows.Select(r => r.Label.Length + (r.Section is null ? 0 : 2)).DefaultIfEmpty(10).Max() + 2);
        var headers = s.Columns.Select(Format.ColumnHeader).ToList();
        var widths = headers.Select((h, c) => Math.Max(h.Length, s.Rows.Select(r => Format.Value(c < r.Values.Length ? r.Values[c] : null, r.Unit).Length).DefaultIfEmpty(0).Max())).ToList();
        sb.Append(new string(' ', labelWidth));
        for (var c = 0; c < headers.Count; c++)
        {
            sb.Append("  ").Append(headers[c].PadLeft(widths[c]));
        }

        sb.AppendLine();
        foreach (var r in s.Rows)
        {
            var label = (r.Section is null || r.IsTotal ? "" : "  ") + r.Label;
            label = label.Length > labelWidth - 1 ? label[..(labelWidth - 2)] + "…" : label;
            sb.Append((r.CheckFailed ? "!" : "") + label.PadRight(labelWidth - (r.CheckFailed ? 1 : 0)));
            for (var c = 0; c < headers.Count; c++)
            {
                sb.Append("  ").Append(Format.Value(c < r.Values.Length ? r.Values[c] : null, r.Unit).PadLeft(widths[c]));
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}
