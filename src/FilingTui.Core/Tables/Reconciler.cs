using System.Globalization;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>Runs the checks on every statement and reports, as warnings on the filing, each identity that fails.</summary>
public static class Reconciler
{
    public static void Check(Filing filing)
    {
        foreach (var statement in filing.Statements)
        {
            if (!StatementColumn.AreDistinctPeriods(statement.Columns))
            {
                // A matrix such as a GAAP to non-GAAP reconciliation: its rows are not a statement's sums.
                filing.Diagnostics.Add(new Diagnostic(Severity.Info, "not-checked", $"\"{statement.Title}\": its columns are not distinct periods ({string.Join(", ", statement.Columns.Select(c => c.Label ?? "?").Distinct())}), so its sums are not checked", statement.SourceLine));
                continue;
            }

            var results = Checks.Run(statement.Rows, statement.Columns.Count);
            foreach (var failure in results.Where(r => !r.Passed))
            {
                var row = statement.Rows[failure.Row];
                row.CheckFailed = true;
                var column = statement.Columns[failure.Column];
                filing.Diagnostics.Add(new Diagnostic(
                    Severity.Warning,
                    "check-failed",
                    string.Create(CultureInfo.InvariantCulture, $"{statement.Kind.ToTitle()}: {failure.What} does not hold for {column.Months}M {column.End:yyyy-MM-dd}: printed {failure.Actual:#,0.##}, parts give {failure.Expected:#,0.##}"),
                    row.SourceLine));
            }
        }
    }
}
