using System.Diagnostics;
using System.Text.Json.Nodes;
using FilingTui.Data;
using Microsoft.Data.Sqlite;

namespace FilingTui.App.Tests;

/// <summary>
/// The store under faults: damaged, locked by another writer, on a full disk, read-only. Each gives a sentence
/// naming the store and the reason (never a stack trace), and what was stored before stays whole.
/// </summary>
public sealed class StoreFaultTests : IDisposable
{
    private readonly TempStore _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static int Count(string db) => JsonNode.Parse(Run.Cli("list", "--db", db, "--json").Out)!.AsArray().Count;

    [Fact]
    public void A_damaged_store_gives_a_sentence_naming_it_for_every_command_never_a_stack_trace()
    {
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples).Code.Should().Be(0);
        SqliteConnection.ClearAllPools();
        using (var f = new FileStream(_tmp.DbPath, FileMode.Open, FileAccess.ReadWrite))
        {
            // Pages 2 onward (after the schema) overwritten: tables and indexes are garbage, the header is intact.
            f.Position = 4096;
            f.Write(Enumerable.Repeat((byte)0xA5, (int)f.Length - 4096).ToArray());
        }

        foreach (var args in new[] { new[] { "list" }, ["search", "myeloma"], ["show", "1"], ["lookup", "revenue"], ["import", TempStore.Samples] })
        {
            var r = Run.Cli([.. args, "--db", _tmp.DbPath]);
            r.Code.Should().Be(1, string.Join(' ', args));
            r.Err.Should().StartWith($"filingtui: {_tmp.DbPath} is damaged or not a FilingTui store (", string.Join(' ', args));
            r.Err.Should().Contain("nothing more is written to it").And.NotContain("   at ");
        }
    }

    [Fact]
    public void A_store_locked_by_another_writer_waits_then_says_so_and_stays_as_it_was()
    {
        Run.Cli("import", "--db", _tmp.DbPath, Path.Combine(TempStore.Samples, "immunogen-2003-03-31-8k.txt")).Code.Should().Be(0);
        using (var other = new SqliteConnection($"Data Source={_tmp.DbPath};Pooling=False"))
        {
            other.Open();
            using var tx = other.BeginTransaction(deferred: false);
            using (var hold = other.CreateCommand())
            {
                hold.Transaction = tx;
                hold.CommandText = "UPDATE companies SET phone = phone";
                hold.ExecuteNonQuery();
            }

            var wait = Stopwatch.StartNew();
            var r = Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples);
            wait.Stop();

            r.Code.Should().Be(1);
            r.Err.Should().Contain("could not be stored: the store is locked by another program (waited 10 s); nothing of it was written");
            wait.Elapsed.Should().BeGreaterThan(FilingStore.LockWait - TimeSpan.FromSeconds(1), "it waits for the other writer before giving up");
            wait.Elapsed.Should().BeLessThan(FilingStore.LockWait * 3, "the files after the first batch are told at once, not each after a wait");
            tx.Rollback();
        }

        Count(_tmp.DbPath).Should().Be(1);
        Run.Scalar(_tmp.DbPath, "PRAGMA integrity_check").Should().Be("ok");
        Run.Cli("import", "--db", _tmp.DbPath, TempStore.Samples).Out.Should().Contain("2 imported, 1 duplicate, 0 failed", "the attempt left nothing behind");
    }

    [SkippableFact]
    public void On_a_full_disk_the_failing_filing_is_rolled_back_and_the_message_says_why()
    {
        using var disk = SmallDisk.Mount(_tmp.Dir, megabytes: 1);
        var db = Path.Combine(disk.Path, "filings.db");
        Run.Cli("import", "--db", db, TempStore.Samples).Code.Should().Be(0);

        // The Oracle submission's source alone is 2 MB: it cannot fit.
        var big = Directory.GetFiles(TempStore.DevCorpus, "oracle-*.txt").Single();
        var r = Run.Cli("import", "--db", db, big);

        r.Code.Should().Be(1);
        r.Err.Should().Contain($"{big}: could not be stored: the disk is full; nothing of it was written");
        Count(db).Should().Be(3);
        Run.Scalar(db, "PRAGMA integrity_check").Should().Be("ok");
    }

    [SkippableFact]
    public void A_read_only_store_can_be_browsed_and_an_import_says_it_is_read_only()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            throw new SkipException("needs root and setpriv (Linux) to run the app as another user");
        }

        Run.Cli("import", "--db", _tmp.DbPath, Path.Combine(TempStore.Samples, "immunogen-2003-03-31-8k.txt")).Code.Should().Be(0);
        SqliteConnection.ClearAllPools();
        File.SetUnixFileMode(_tmp.Dir, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(_tmp.DbPath, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var before = File.ReadAllBytes(_tmp.DbPath);

        // The user may not reach the build folder (a clone under a private temp folder): the app and the samples
        // it imports are copied next to the store.
        var app = Path.Combine(_tmp.Dir, "app");
        CopyTree(AppContext.BaseDirectory, app, f => !f.Contains("TestPlatform", StringComparison.Ordinal) && !f.Contains("CodeCoverage", StringComparison.Ordinal));
        var samples = Path.Combine(app, "samples");

        var list = AsNobody(app, "list");
        list.Code.Should().Be(0, list.Err);
        list.Out.Should().Contain("ImmunoGen, Inc.");
        var import = AsNobody(app, "import", samples);
        import.Code.Should().Be(1);
        import.Err.Should().Contain("could not be stored: the store is read-only; nothing of it was written");
        File.ReadAllBytes(_tmp.DbPath).Should().Equal(before);
    }

    private static void CopyTree(string from, string to, Func<string, bool> keep)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(keep))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private (int Code, string Out, string Err) AsNobody(string app, params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Run.DotnetHost, "exec", Path.Combine(app, "filingtui.dll"), .. args, "--db", _tmp.DbPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["HOME"] = _tmp.Dir;
        psi.Environment["DOTNET_CLI_HOME"] = _tmp.Dir;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr);
    }
}

/// <summary>A tmpfs of a few megabytes, so that a disk really fills (ENOSPC); mounting needs root.</summary>
public sealed class SmallDisk : IDisposable
{
    public string Path { get; }

    private SmallDisk(string path) => Path = path;

    public static SmallDisk Mount(string under, int megabytes)
    {
        var path = System.IO.Path.Combine(under, "small-disk");
        Directory.CreateDirectory(path);
        var ok = Environment.UserName == "root" && Sh("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", path) == 0;
        Skip.IfNot(ok, "mounting a small tmpfs needs root (run as root, as CI does, to fill a disk for real)");
        return new SmallDisk(path);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Sh("umount", Path);
    }

    private static int Sh(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        p.WaitForExit();
        return p.ExitCode;
    }
}
