using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>
/// A release that prints a summary of its statement of operations before the statement itself ("Summary of
/// Condensed Consolidated Statements of Income": revenue, net income and EPS over the same periods) has two tables
/// read as operations. The one with the most rows is the statement; a smaller one over the very same columns is a
/// summary of it, kept as supplemental. Tables over other columns (a quarter and a year printed apart) are left alone.
/// </summary>
internal static class SummaryStatements
{
    public static void Demote(List<Statement> statements, List<Diagnostic> diagnostics)
    {
        var operations = statements.Where(s => s.Kind == StatementKind.Operations).ToList();
        foreach (var group in operations.GroupBy(s => string.Join(";", s.Columns.Select(c => $"{c.End:yyyy-MM-dd}/{c.Months}"))))
        {
            var full = group.MaxBy(s => s.Rows.Count)!;
            foreach (var summary in group.Where(s => s != full && s.Rows.Count < full.Rows.Count))
            {
                summary.Kind = StatementKind.Supplemental;
                diagnostics.Add(new Diagnostic(Severity.Info, "summary-statement", $"\"{summary.Title}\" is read as a summary of the statement of operations below it ({summary.Rows.Count} rows over its {full.Rows.Count} rows' columns) and kept as supplemental", summary.SourceLine));
            }
        }
    }
}
