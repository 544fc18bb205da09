using Microsoft.Data.Sqlite;

namespace FilingTui.Data;

/// <summary>
/// Every company's name and ticker as the list filter matches them, held in a few large arrays rather than a
/// record and two strings per company. At a million filings (25,000 companies) the objects were 5 MB the first
/// collection had to copy, a 15-17 ms pause on whatever key met it; arrays this size live on the large-object
/// heap, which young collections never copy. The text is kept upper-cased, so a match is one vectorised ordinal
/// search over all of it instead of a case-insensitive comparison per name.
/// </summary>
internal sealed class CompanyIndex
{
    /// <summary>Between a name and its ticker, and after each company: neither occurs in a filter typed on one line.</summary>
    private const char NameEnd = '\0';
    private const char CompanyEnd = '\n';

    private readonly char[] _text;
    private readonly int _length;
    private readonly int[] _starts;
    private readonly long[] _ids;
    private readonly long[] _filings;

    private CompanyIndex(char[] text, int length, int[] starts, long[] ids, long[] filings, int count)
    {
        _text = text;
        _length = length;
        _starts = starts;
        _ids = ids;
        _filings = filings;
        Count = count;
        for (var i = 0; i < count; i++)
        {
            MaxId = Math.Max(MaxId, ids[i]);
            TotalFilings += filings[i];
        }
    }

    public int Count { get; }

    public long MaxId { get; }

    public long TotalFilings { get; }

    /// <summary>The companies table as the filter needs it, read without Dapper (its first mapping of a type costs 50 ms).</summary>
    public static CompanyIndex Read(SqliteConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM companies";
        var expected = Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var starts = new int[Math.Max(1, expected)];
        var ids = new long[starts.Length];
        var filings = new long[starts.Length];
        var text = new char[Math.Max(16, expected * 32)];
        int length = 0, count = 0;
        cmd.CommandText = "SELECT id, name, ticker, filing_count FROM companies";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            if (count == starts.Length)
            {
                // Companies added between the count and this read (another program importing).
                Array.Resize(ref starts, count * 2);
                Array.Resize(ref ids, count * 2);
                Array.Resize(ref filings, count * 2);
            }

            var name = reader.GetString(1);
            var ticker = reader.IsDBNull(2) ? "" : reader.GetString(2);
            if (length + name.Length + ticker.Length + 2 > text.Length)
            {
                Array.Resize(ref text, Math.Max(text.Length * 2, length + name.Length + ticker.Length + 2));
            }

            starts[count] = length;
            ids[count] = reader.GetInt64(0);
            filings[count] = reader.GetInt64(3);
            length += Upper(name, text.AsSpan(length));
            text[length++] = NameEnd;
            length += Upper(ticker, text.AsSpan(length));
            text[length++] = CompanyEnd;
            count++;
        }

        return new CompanyIndex(text, length, starts, ids, filings, count);
    }

    private static int Upper(string s, Span<char> into) => s.AsSpan().ToUpperInvariant(into);

    /// <summary>
    /// Sets <paramref name="mask"/>[id - 1] for each company whose name or ticker holds <paramref name="needle"/>
    /// (case ignored, as an ordinal comparison ignores it) and returns how many filings they hold.
    /// </summary>
    public long Match(string needle, byte[] mask)
    {
        if (needle.Length == 0 || needle.AsSpan().IndexOfAny(NameEnd, CompanyEnd) >= 0)
        {
            return 0;
        }

        // Company by company: a search over all the text restarted after each hit cost 170 ns a hit, 4 ms for a
        // letter every company holds; a short record's search is a few vector compares.
        var upper = needle.ToUpperInvariant();
        long matching = 0;
        for (var i = 0; i < Count; i++)
        {
            var end = i + 1 < Count ? _starts[i + 1] : _length;
            if (_text.AsSpan(_starts[i], end - _starts[i]).IndexOf(upper, StringComparison.Ordinal) >= 0)
            {
                mask[_ids[i] - 1] = 1;
                matching += _filings[i];
            }
        }

        return matching;
    }
}
