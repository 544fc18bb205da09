using Microsoft.Data.Sqlite;

namespace FilingTui.Data;

/// <summary>
/// Reads on the way to the screen's first frame, on plain commands rather than Dapper: Dapper's first call costs
/// 15 ms of static set-up and each row type's first mapping emits and compiles a reader (40 ms for the list's
/// rows), none of which ReadyToRun can precompile. The filing loaded beside the first frame still uses Dapper, on
/// its own thread.
/// </summary>
internal static class PlainSql
{
    public static long Scalar(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        return cmd.ExecuteScalar() is { } v and not DBNull ? Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    public static void Execute(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The columns every list query selects, in the order <see cref="Summaries"/> reads them.</summary>
    public const string SummaryColumns =
        """
        f.id, c.id, c.name, c.ticker, f.form, f.sort_date, f.period_end, f.fiscal_year, f.fiscal_quarter, f.status,
        f.status_reason, f.release_title, f.path
        """;

    /// <summary>List rows from a query selecting <see cref="SummaryColumns"/>, with its parameters by name.</summary>
    public static List<FilingSummary> Summaries(SqliteConnection db, string sql, params (string Name, object? Value)[] args)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args)
        {
            cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new List<FilingSummary>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            rows.Add(new FilingSummary
            {
                Id = r.GetInt64(0),
                CompanyId = r.GetInt64(1),
                Company = r.GetString(2),
                Ticker = Text(r, 3),
                Form = Text(r, 4),
                SortDate = r.GetString(5),
                PeriodEnd = Text(r, 6),
                FiscalYear = r.IsDBNull(7) ? null : r.GetInt32(7),
                FiscalQuarter = r.IsDBNull(8) ? null : r.GetInt32(8),
                Status = r.GetString(9),
                StatusReason = Text(r, 10),
                ReleaseTitle = Text(r, 11),
                Path = r.GetString(12),
            });
        }

        return rows;
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
