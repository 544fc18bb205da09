using Dapper;
using FilingTui.Core.Import;
using FilingTui.Core.Model;
using Microsoft.Data.Sqlite;

namespace FilingTui.Data;

public sealed partial class FilingStore
{
    private const int ReparseBatch = 64;

    /// <summary>
    /// Parses every stored filing again from the text it was imported from, with this version's parser: a batch
    /// is parsed on every core, then each filing is replaced in its own transaction (its old statements and
    /// sections go, the new ones come), so a cancel or a crash leaves each filing wholly old or wholly new.
    /// </summary>
    public void ReparseAll(Action<long> onTotal, Action<ImportResult> onResult, CancellationToken cancel = default)
    {
        ForWriting();
        using var bulk = BulkWrite();
        onTotal(Count());
        long after = 0;
        while (!cancel.IsCancellationRequested)
        {
            var batch = _db.Query<StoredSource>(
                "SELECT id AS Id, path AS Path, raw_text AS RawText, encoding AS Encoding, status AS Status FROM filings WHERE id > @after ORDER BY id LIMIT @limit",
                new { after, limit = ReparseBatch }).ToList();
            if (batch.Count == 0)
            {
                return;
            }

            var parsed = new Filing[batch.Count];
            Parallel.For(0, batch.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => parsed[i] = ImportPipeline.ParseDecoded(batch[i].RawText, batch[i].Encoding));
            for (var i = 0; i < batch.Count && !cancel.IsCancellationRequested; i++)
            {
                onResult(Replace(batch[i], parsed[i]));
            }

            after = batch[^1].Id;
        }
    }

    private ImportResult Replace(StoredSource old, Filing f)
    {
        try
        {
            using var tx = _db.BeginTransaction();
            var oldCompany = _db.ExecuteScalar<long>("SELECT company_id FROM filings WHERE id = @Id", new { old.Id }, tx);
            _db.Execute("DELETE FROM sections WHERE filing_id = @Id; DELETE FROM statements WHERE filing_id = @Id", new { old.Id }, tx);
            var sectionsBefore = LastSectionId(tx);
            var fields = new FilingFields(f);
            Writes.UpdateFiling(old.Id, fields, Writes.CompanyId(f.Company));
            _db.Execute("DELETE FROM companies WHERE id = @oldCompany AND NOT EXISTS (SELECT 1 FROM filings WHERE company_id = @oldCompany)", new { oldCompany }, tx);
            Writes.AddParts(old.Id, f);
            IndexSections(sectionsBefore, tx);
            tx.Commit();
            var (status, reason) = (fields.Status, fields.Reason);
            var change = status == old.Status ? status : $"{old.Status} → {status}";
            return new ImportResult(old.Path, ImportOutcome.Imported, old.Id, reason is null ? change : $"{change}: {reason}", status != old.Status);
        }
        catch (SqliteException ex)
        {
            return new ImportResult(old.Path, ImportOutcome.Failed, old.Id, $"could not be re-parsed: {Why(ex)}; the filing is unchanged");
        }
    }

    private sealed record StoredSource(long Id, string Path, string RawText, string? Encoding, string Status);
}
