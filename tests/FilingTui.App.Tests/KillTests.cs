using System.Diagnostics;

namespace FilingTui.App.Tests;

/// <summary>
/// `filingtui import` killed with SIGKILL at random moments: the store is never damaged, no filing is half-stored,
/// and running the import again ends with exactly the rows of an uninterrupted run. A short version of the
/// bench's 20 kills over 1,000 files (bench/kill-loop.sh).
/// </summary>
public sealed class KillTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void An_import_killed_at_random_moments_leaves_whole_filings_and_finishes_like_an_uninterrupted_one()
    {
        var folder = Corpus(_tmp.Dir, 90);
        var killed = Path.Combine(_tmp.Dir, "killed.db");
        var rng = new Random(8);
        for (var i = 0; i < 4; i++)
        {
            using (var p = StartImport(killed, folder))
            {
                Thread.Sleep(rng.Next(400, 2500));
                p.Kill();
                p.WaitForExit();
            }

            Run.Scalar(killed, "PRAGMA integrity_check").Should().Be("ok");
            Run.Scalar(killed, "SELECT COUNT(*) FROM filings f WHERE f.status <> 'no-statements' AND NOT EXISTS (SELECT 1 FROM statements s WHERE s.filing_id = f.id)")
                .Should().Be("0", "a filing is stored with its statements or not at all");
            Run.Scalar(killed, "SELECT COUNT(*) FROM filings f WHERE NOT EXISTS (SELECT 1 FROM sections s WHERE s.filing_id = f.id)").Should().Be("0");

            // The search index is written per batch, just before its commit: FTS5's own check throws if it and the
            // sections differ.
            Run.Scalar(killed, "INSERT INTO sections_fts (sections_fts, rank) VALUES ('integrity-check', 1)");
        }

        Run.Cli("import", "--db", killed, folder).Code.Should().Be(0);
        var whole = Path.Combine(_tmp.Dir, "whole.db");
        Run.Cli("import", "--db", whole, folder).Code.Should().Be(0);
        foreach (var table in new[] { "companies", "filings", "sections", "statements", "statement_columns", "line_items", "facts" })
        {
            Run.Scalar(killed, $"SELECT COUNT(*) FROM {table}").Should().Be(Run.Scalar(whole, $"SELECT COUNT(*) FROM {table}"), table);
        }

        const string Hits = "SELECT COUNT(*) FROM sections_fts WHERE sections_fts MATCH 'myeloma'";
        Run.Scalar(killed, Hits).Should().Be(Run.Scalar(whole, Hits)).And.NotBe("0");
        Run.Scalar(killed, "SELECT group_concat(sha256, ',') FROM (SELECT sha256 FROM filings ORDER BY sha256)")
            .Should().Be(Run.Scalar(whole, "SELECT group_concat(sha256, ',') FROM (SELECT sha256 FROM filings ORDER BY sha256)"));
    }

    /// <summary>Copies of the samples, each made distinct by a line at its end, so each is a new filing.</summary>
    public static string Corpus(string under, int count)
    {
        var folder = Path.Combine(under, "corpus");
        Directory.CreateDirectory(folder);
        var samples = Directory.GetFiles(TempStore.Samples).Order().Select(File.ReadAllText).ToList();
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"copy-{i:D4}.txt"), samples[i % samples.Count] + $"\nCopy {i} for the kill test.\n");
        }

        return folder;
    }

    private static Process StartImport(string db, string folder)
    {
        return Process.Start(new ProcessStartInfo(Run.DotnetHost, ["exec", Run.AppDll, "import", "--db", db, folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
    }
}
