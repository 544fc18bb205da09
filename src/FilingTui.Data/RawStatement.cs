using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace FilingTui.Data;

/// <summary>
/// A statement prepared once and run for many rows, its parameters bound by position (?1, ?2, …). An import writes
/// a hundred-odd rows per filing; a Microsoft.Data.Sqlite command per row (or a JSON array per table read back
/// with json_each) cost 20-30 µs a row in the driver, several times what SQLite spends storing it. Errors are
/// thrown as the driver's <see cref="SqliteException"/>, so the store reads their codes in one place.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private byte[] _utf8 = new byte[256];

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the store's connection is not open");
        Check(raw.sqlite3_prepare_v3(_db, sql, raw.SQLITE_PREPARE_PERSISTENT, out _stmt));
    }

    public RawStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_stmt, index, value));
        return this;
    }

    public RawStatement Bind(int index, long? value) => value is { } v ? Bind(index, v) : Null(index);

    public RawStatement Bind(int index, string? value)
    {
        if (value is null)
        {
            return Null(index);
        }

        // .NET encodes it (SQLite copies the bytes): half a surrogate pair becomes U+FFFD, where SQLite's own UTF-16
        // reading would join it with the next character.
        var max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < max)
        {
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        }

        var n = System.Text.Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_stmt, index, _utf8.AsSpan(0, n)));
        return this;
    }

    private RawStatement Null(int index)
    {
        Check(raw.sqlite3_bind_null(_stmt, index));
        return this;
    }

    /// <summary>Runs the statement with what is bound; the first column of its first row if it returns one (null if none or NULL).</summary>
    public long? Run()
    {
        try
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_type(_stmt, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_stmt, 0);
            }

            Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
            return null;
        }
        finally
        {
            raw.sqlite3_reset(_stmt);
        }
    }

    /// <summary>Runs an INSERT and returns the new row's id.</summary>
    public long Insert()
    {
        Run();
        return raw.sqlite3_last_insert_rowid(_db);
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);

    public void Dispose() => _stmt.Dispose();
}
