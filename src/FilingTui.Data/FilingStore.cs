using System.Globalization;
using Dapper;
using FilingTui.Core.Import;
using FilingTui.Core.Model;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data;

/// <summary>
/// The SQLite store. One connection per store object; WAL so a TUI can read while another process imports;
/// one transaction per filing so a crash leaves all of a filing or none of it.
/// </summary>
public sealed partial class FilingStore : IDisposable
{
    private readonly SqliteConnection _db;

    public string Path { get; }

    private FilingStore(string path, SqliteConnection db)
    {
        Path = path;
        _db = db;
    }

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    public static FilingStore Open(string path, bool readOnly = false)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new StoreException($"{full} is a folder, not a store file.");
        }

        if (!readOnly)
        {
            var dir = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }
        else if (!File.Exists(full))
        {
            throw new StoreException($"{full} does not exist.");
        }

        if (File.Exists(full) && new FileInfo(full).Length > 0)
        {
            Span<byte> head = stackalloc byte[16];
            using (var fs = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                var n = fs.Read(head);
                if (n < 16 || !head.SequenceEqual("SQLite format 3\0"u8))
                {
                    throw new StoreException($"{full} is not a FilingTui store (not an SQLite file); it is left untouched.");
                }
            }
        }

        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)LockWait.TotalSeconds,
        }.ToString();
        var db = new SqliteConnection(cs);
        try
        {
            db.Open();
            // An 8 MiB page cache for reading: browsing a million filings touches a few index pages per key, and a
            // bigger cache only held resident memory (137 MiB after the key script at a million filings, 162 with 32).
            PlainSql.Execute(db, $"PRAGMA busy_timeout = {(int)LockWait.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA cache_size = -8192;");
            if (!readOnly)
            {
                // Whose file it is is settled before anything is written: switching to WAL already changes the file.
                Migrations.Refuse(db, full);
                PlainSql.Execute(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
                Migrations.Apply(db, full);
            }
            else if (PlainSql.Scalar(db, "PRAGMA user_version") > Migrations.Latest)
            {
                throw new StoreException($"{full} was written by a newer FilingTui; it is left untouched.");
            }

            return new FilingStore(full, db);
        }
        catch (SqliteException ex)
        {
            db.Dispose();
            throw StoreException.From(ex, full);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // A background load still reading holds the lock: the reader closes once it is done.
        lock (_readerLock)
        {
            _disposed = true;
            _reader?.Dispose();
            _reader = null;
        }

        // Prepared statements are finalized before their connection closes.
        _writes?.Dispose();
        _db.Dispose();
    }

    private ImportStatements? _writes;

    /// <summary>The import's statements, prepared at the first write (a store only browsed never prepares them).</summary>
    private ImportStatements Writes => _writes ??= new ImportStatements(_db);

    private bool _writing;

    /// <summary>A 32 MiB page cache once the store writes: big imports touch index pages all over the file, and a small cache thrashes.</summary>
    private void ForWriting()
    {
        if (!_writing)
        {
            PlainSql.Execute(_db, "PRAGMA cache_size = -32768");
            _writing = true;
        }
    }

    public int SchemaVersion => _db.ExecuteScalar<int>("PRAGMA user_version");

    /// <summary>The schema version this build writes.</summary>
    public static int LatestSchemaVersion => Migrations.Latest;

    /// <summary>The filings stored, kept by triggers (migration 006): the list asks at every start and refresh.</summary>
    public long Count() => PlainSql.Scalar(_db, "SELECT filings FROM totals");

    public static string StatusOf(Filing f, out string? reason)
    {
        reason = null;
        if (f.Statements.Count == 0)
        {
            reason = f.Diagnostics.FirstOrDefault(d => d.Code is "no-operations" or "statement-unreadable")?.Message ?? "no statements found";
            return "no-statements";
        }

        var failed = f.Diagnostics.Where(d => d.Severity >= Severity.Warning).ToList();
        if (failed.Count > 0)
        {
            reason = failed[0].Message;
            return "warnings";
        }

        return "reconciled";
    }

    /// <summary>
    /// Parses and stores one file. Identical bytes already stored are a duplicate; a file that is not a filing is
    /// refused; every attempt is logged. Nothing is half-written: the filing and its rows commit together.
    /// </summary>
    public ImportResult Import(string path, byte[] bytes, string? displayPath = null)
    {
        var shown = displayPath ?? path;
        var sha = SourceDecoder.Sha256Hex(bytes);
        if (Writes.FilingWith(sha) is long existing)
        {
            return Log(new ImportResult(shown, ImportOutcome.Duplicate, existing, $"already stored as filing {existing}"), sha);
        }

        return Accept(shown, ImportPipeline.Parse(bytes));
    }

    /// <summary>A parse result into the store: refused with its reason, or stored (the write re-checks for a duplicate).</summary>
    private ImportResult Accept(string path, ParseResult parsed) => StoreBatch([new ParsedFile(path, parsed, null)])[0];

    /// <summary>
    /// Imports many files: parsing runs on every core while this thread writes what is ready in batches (one
    /// transaction per batch, a savepoint per filing), so a crash keeps every batch already committed and never
    /// half a filing. <paramref name="read"/> returns a file's bytes or the reason it cannot be read. Results
    /// arrive in completion order.
    /// </summary>
    public void ImportMany(IReadOnlyList<string> paths, Func<string, (byte[]? Bytes, string? Error)> read, Action<ImportResult> onResult, CancellationToken cancel = default)
    {
        using var queue = new System.Collections.Concurrent.BlockingCollection<ParsedFile>(WriteBatch * 2);
        var producer = Task.Run(() =>
        {
            try
            {
                Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancel }, path =>
                {
                    var (bytes, error) = read(path);
                    queue.Add(new ParsedFile(path, bytes is null ? null : ImportPipeline.Parse(bytes), error), cancel);
                });
            }
            catch (OperationCanceledException)
            {
                // Cancelled between filings: what was stored stays.
            }
            finally
            {
                queue.CompleteAdding();
            }
        });

        var batch = new List<ParsedFile>(WriteBatch);
        string? storeDown = null;
        using var bulk = BulkWrite();
        foreach (var first in queue.GetConsumingEnumerable())
        {
            if (cancel.IsCancellationRequested)
            {
                break;
            }

            // Whatever else is already parsed joins this write; nothing waits for a batch to fill.
            batch.Add(first);
            while (batch.Count < WriteBatch && queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            // Once the store itself has failed (locked past the wait, disk full, read-only, damaged), the rest are told
            // the same reason at once rather than each waiting and failing in turn.
            var results = storeDown is null ? StoreBatch(batch, out storeDown) : [.. batch.Select(f => NotStored(f.Path, storeDown))];
            foreach (var result in results)
            {
                onResult(result);
            }

            batch.Clear();
        }

        try
        {
            producer.Wait(CancellationToken.None);
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
        }
    }

    private const int WriteBatch = 64;

    /// <summary>
    /// For a many-file write: SQLite copies its log back into the store every 4 MB by default, which in an import was
    /// once every batch or two and a third of each commit's time (index pages written by many batches were copied
    /// each time). At 64 MB a page is copied once for many batches; the end of the write copies the rest.
    /// </summary>
    private Bulk BulkWrite()
    {
        PlainSql.Execute(_db, "PRAGMA wal_autocheckpoint = 16384");
        return new Bulk(_db);
    }

    private sealed class Bulk(SqliteConnection db) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                PlainSql.Execute(db, "PRAGMA wal_autocheckpoint = 1000; PRAGMA wal_checkpoint(PASSIVE)");
            }
            catch (SqliteException)
            {
                // A store that failed (full, read-only, damaged) was already reported for each file; what was committed stays in the log.
            }
        }
    }

    /// <summary>
    /// A file on its way into the store: parsed, or the reason it could not be read. Made on the thread that parsed
    /// it, which also makes the filing's row (<see cref="Fields"/>) so the one writer thread only writes.
    /// </summary>
    public sealed record ParsedFile(string Path, ParseResult? Parsed, string? ReadError)
    {
        internal FilingFields? Fields { get; } = Parsed?.Filing is { } f ? new FilingFields(f) : null;
    }

    /// <summary>
    /// Writes parsed files in one transaction, each filing inside its own savepoint: a filing that fails to store
    /// is rolled back alone and logged with the reason; a commit that fails (disk full, locked) stores none of the
    /// batch and says so for each. Every attempt goes to the import log in the same transaction.
    /// </summary>
    public IReadOnlyList<ImportResult> StoreBatch(IReadOnlyList<ParsedFile> files) => StoreBatch(files, out _);

    /// <summary>How long a write waits for another program's write to finish before saying the store is locked.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private static ImportResult NotStored(string path, string why) => new(path, ImportOutcome.Failed, null, $"could not be stored: {why}; nothing of it was written");

    private IReadOnlyList<ImportResult> StoreBatch(IReadOnlyList<ParsedFile> files, out string? storeDown)
    {
        storeDown = null;
        ForWriting();
        var results = new List<ImportResult>(files.Count);
        try
        {
            using var tx = _db.BeginTransaction();
            var sectionsBefore = LastSectionId(tx);
            foreach (var file in files)
            {
                results.Add(StoreOne(file, tx));
            }

            IndexSections(sectionsBefore, tx);
            tx.Commit();
            return results;
        }
        catch (SqliteException ex) when (IsStoreWide(ex))
        {
            // The import log is in the same store: it cannot take these lines either. The caller shows each.
            var why = Why(ex);
            storeDown = why;
            return [.. files.Select(f => NotStored(f.Path, why))];
        }
        catch (SqliteException ex)
        {
            return [.. files.Select(f => TryLog(NotStored(f.Path, Why(ex)), f.Parsed?.Sha256))];
        }
    }

    private ImportResult StoreOne(ParsedFile file, SqliteTransaction tx)
    {
        var (path, parsed) = (file.Path, file.Parsed);
        if (parsed is null || !parsed.Ok)
        {
            return Log(new ImportResult(path, ImportOutcome.Failed, null, parsed?.Error ?? file.ReadError ?? "it could not be read"), parsed?.Sha256);
        }

        var sha = parsed.Sha256;
        if (Writes.FilingWith(sha) is long existing)
        {
            return Log(new ImportResult(path, ImportOutcome.Duplicate, existing, $"already stored as filing {existing}"), sha);
        }

        if (parsed.NotAFiling is string why)
        {
            return Log(new ImportResult(path, ImportOutcome.Skipped, null, why), sha);
        }

        tx.Save("filing");
        try
        {
            var f = parsed.Filing!;
            var fields = file.Fields!;
            var id = Writes.AddFiling(fields, Writes.CompanyId(f.Company), sha, path, parsed.Encoding, f.Source ?? f.Text, Timestamp());
            Writes.AddParts(id, f);
            tx.Release("filing");
            return Log(new ImportResult(path, ImportOutcome.Imported, id, fields.Reason), sha);
        }
        catch (SqliteException ex) when (!IsStoreWide(ex))
        {
            // This filing's rows could not be written (a constraint, a value SQLite refuses): it alone is undone.
            tx.Rollback("filing");
            return Log(NotStored(path, Why(ex)), sha);
        }
    }

    /// <summary>
    /// Failures of the store rather than of one filing (disk full, locked, read-only, I/O): they end the batch,
    /// since no later filing could be written either.
    /// </summary>
    private static bool IsStoreWide(SqliteException ex) => StoreException.FaultOf(ex) != StoreFault.None;

    /// <summary>A failure of the store met while reading or writing it, as a sentence naming the file; null if it is not one.</summary>
    public StoreException? Explain(Exception ex) => ex as StoreException ?? (ex is SqliteException s ? StoreException.From(s, Path) : null);

    /// <summary>When a filing was imported or an attempt logged, as the store writes it.</summary>
    private static string Timestamp() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A write's failure as a user reads it.</summary>
    private static string Why(SqliteException ex) => StoreException.FaultOf(ex) switch
    {
        StoreFault.DiskFull => "the disk is full",
        StoreFault.Locked => $"the store is locked by another program (waited {LockWait.TotalSeconds:0} s)",
        StoreFault.ReadOnly => "the store is read-only",
        StoreFault.Damaged => $"the store is damaged ({ex.Message.TrimEnd('.')})",
        _ => ex.Message,
    };

    private long LastSectionId(SqliteTransaction tx) => PlainSql.Scalar(_db, "SELECT IFNULL(MAX(id), 0) FROM sections", tx);

    /// <summary>
    /// Adds the sections written since <paramref name="after"/> to the full-text index in one statement, in the
    /// transaction that wrote them (FTS5 writes a segment per statement; a row at a time was most of an import's
    /// writing). New sections always take ids above the last one, and a filing rolled back took its sections with it.
    /// </summary>
    private void IndexSections(long after, SqliteTransaction tx) =>
        PlainSql.Execute(_db, $"INSERT INTO sections_fts (rowid, heading, text) SELECT id, heading, text FROM sections WHERE id > {after}", tx);

    /// <summary>Logs an import attempt, in the transaction open on the store's connection if there is one.</summary>
    private ImportResult Log(ImportResult result, string? sha)
    {
        Writes.Log(Timestamp(), result, sha);
        return result;
    }

    private ImportResult TryLog(ImportResult result, string? sha)
    {
        try
        {
            return Log(result, sha);
        }
        catch (SqliteException)
        {
            return result;
        }
    }

    /// <summary>Records a file that could not even be read (missing, unreadable) in the import log.</summary>
    public ImportResult LogFailure(string path, string message) => TryLog(new ImportResult(path, ImportOutcome.Failed, null, message), null);

    /// <summary>
    /// Facts' values are decimal text; the one query that maps them to decimals makes sure this is registered. It was
    /// registered at the first use of the store, which set Dapper up (15-25 ms) on the way to the first frame.
    /// </summary>
    private static class DecimalText
    {
        static DecimalText() => SqlMapper.AddTypeHandler(new DecimalTextHandler());

        public static void Ensure()
        {
        }
    }

    private sealed class DecimalTextHandler : SqlMapper.TypeHandler<decimal?>
    {
        public override decimal? Parse(object value) => value is string s ? decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture) : value is DBNull ? null : Convert.ToDecimal(value, CultureInfo.InvariantCulture);

        public override void SetValue(System.Data.IDbDataParameter parameter, decimal? value) => parameter.Value = value?.ToString(CultureInfo.InvariantCulture) ?? (object)DBNull.Value;
    }
}
