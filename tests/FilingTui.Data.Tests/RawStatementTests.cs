using Dapper;
using FilingTui.Data;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace FilingTui.Data.Tests;

public sealed class RawStatementTests : IDisposable
{
    private readonly SqliteConnection _db = new("Data Source=:memory:");

    public RawStatementTests()
    {
        _db.Open();
        _db.Execute("CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, n INTEGER, u TEXT UNIQUE)");
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Text_is_stored_as_given_empty_as_empty_and_null_as_null()
    {
        using var insert = new RawStatement(_db, "INSERT INTO t (s, n) VALUES (?1, ?2)");
        var big = new string('x', 100_000) + "ü€\U0001F600";
        var ids = new[] { insert.Bind(1, "").Bind(2, 0).Insert(), insert.Bind(1, (string?)null).Bind(2, (long?)null).Insert(), insert.Bind(1, big).Bind(2, long.MaxValue).Insert(), insert.Bind(1, "ß").Bind(2, -1).Insert() };

        ids.Should().Equal(1, 2, 3, 4);
        _db.Query<(string? S, string Type, long? N)>("SELECT s, typeof(s), n FROM t ORDER BY id").Should().Equal(
            ("", "text", 0L), (null, "null", null), (big, "text", long.MaxValue), ("ß", "text", -1L));
    }

    [Fact]
    public void Run_returns_the_first_column_of_the_first_row_and_null_when_there_is_none()
    {
        _db.Execute("INSERT INTO t (s, n) VALUES ('a', 7), ('b', NULL)");
        using var find = new RawStatement(_db, "SELECT n FROM t WHERE s = ?1");

        find.Bind(1, "a").Run().Should().Be(7);
        find.Bind(1, "b").Run().Should().BeNull();
        find.Bind(1, "zzz").Run().Should().BeNull();
        find.Bind(1, "a").Run().Should().Be(7, "the statement is reset after each run");
    }

    [Fact]
    public void A_refused_row_throws_the_drivers_exception_with_sqlites_code_and_the_statement_runs_again()
    {
        using var insert = new RawStatement(_db, "INSERT INTO t (u) VALUES (?1)");
        insert.Bind(1, "one").Insert();

        var refused = () => insert.Bind(1, "one").Insert();

        refused.Should().Throw<SqliteException>().Which.SqliteErrorCode.Should().Be(19, "SQLITE_CONSTRAINT");
        insert.Bind(1, "two").Insert().Should().Be(2);
    }
}
