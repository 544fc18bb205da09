using System.Diagnostics;
using System.Globalization;
using System.Text;
using FilingTui.Bench;
using FilingTui.Core.Import;
using FilingTui.Data;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;
using Microsoft.Data.Sqlite;

// Benchmarks that print figures measured side by side in one run. Usage:
//   dotnet run -c Release --project bench/FilingTui.Bench -- import [N]
//   dotnet run -c Release --project bench/FilingTui.Bench -- keys
//   dotnet run -c Release --project bench/FilingTui.Bench -- edgar [FILE]   (default: the 2 MB Oracle submission)
//   dotnet run -c Release --project bench/FilingTui.Bench -- store N [PATH]  (a synthetic store of N filings)
//   dotnet run -c Release --project bench/FilingTui.Bench -- startup [STORE...]  (process start to first frame vs hello world)
//   dotnet run -c Release --project bench/FilingTui.Bench -- inputs   (parse time of hostile inputs)
//   dotnet run -c Release --project bench/FilingTui.Bench -- parse-hostile [BYTES]  (every pathological run in every format, ~1 MB each; the worst)
//   dotnet run -c Release --project bench/FilingTui.Bench -- grow SOURCE TARGET TIMES  (a store copied TIMES over, new companies)
//   dotnet run -c Release --project bench/FilingTui.Bench -- latency [STORE...] (key-to-frame in the TUI; the samples' store first, each store in a process of its own)
//   dotnet run -c Release --project bench/FilingTui.Bench -- lookups STORE...  (lookup and go-to-quarter calls, first and warm)
//   dotnet run -c Release --project bench/FilingTui.Bench -- parse [N] [ROUNDS]  (parse only, one core, files in memory)
//   dotnet run -c Release --project bench/FilingTui.Bench -- corpus N DIR  (write N generated filings, to time the real CLI on)
var what = args.FirstOrDefault() ?? "all";
var root = FindRoot();
if (what is "edgar" or "all")
{
    Edgar(args.Length > 1 && what == "edgar" ? args[1] : Directory.GetFiles(Path.Combine(root, "tests", "FilingTui.Core.Tests", "DevCorpus"), "oracle-*.txt").Single());
}
if (what is "import" or "all")
{
    Import(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
}

if (what == "store")
{
    var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var path = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"filingtui-synthetic-{n}.db");
    var sw = Stopwatch.StartNew();
    SyntheticStore.Fill(path, SampleTexts(), n, done =>
    {
        if (done % 50_000 == 0)
        {
            Console.WriteLine($"  {done:N0} stored, {done / sw.Elapsed.TotalSeconds:N0} filings/s");
        }
    });
    Console.WriteLine($"store: {n:N0} synthetic filings in {sw.Elapsed.TotalSeconds:N1} s ({n / sw.Elapsed.TotalSeconds:N0} filings/s), {new FileInfo(path).Length / 1024.0 / n:N1} KiB per filing: {path}");
}

if (what == "parse")
{
    ParseOneCore(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
}

if (what == "corpus")
{
    var files = CorpusGenerator.Write(args[2], SampleTexts(), int.Parse(args[1], CultureInfo.InvariantCulture));
    Console.WriteLine($"corpus: {files.Count:N0} files in {args[2]}");
}

if (what == "hello")
{
    Console.WriteLine("hello, terminal");
}

if (what == "startup")
{
    Startup.Run(root, args.Skip(1).ToList());
}

if (what == "inputs")
{
    Inputs.Run(root);
}

if (what == "parse-hostile")
{
    ParseHostile.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1024 * 1024);
}

if (what == "grow")
{
    var sw = Stopwatch.StartNew();
    StoreGrowth.Grow(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
    using var grown = FilingStore.Open(args[2]);
    var n = grown.Count();
    Console.WriteLine($"grow: {n:N0} filings in {sw.Elapsed.TotalSeconds:N1} s, {new FileInfo(args[2]).Length / 1024.0 / n:N1} KiB per filing: {args[2]}");
}

if (what == "latency")
{
    var stores = args.Skip(1).ToList();
    var samplesDb = Path.Combine(Directory.CreateTempSubdirectory("filingtui-bench-").FullName, "samples.db");
    using (var s = FilingStore.Open(samplesDb))
    {
        foreach (var f in Directory.GetFiles(Path.Combine(root, "data", "samples")).Order())
        {
            s.Import(f, File.ReadAllBytes(f));
        }
    }

    Latency.Run(samplesDb, quiet: true);
    Latency.Run(samplesDb);

    // Each store in a process of its own, so its resident memory is that store's alone, not what the stores run
    // before it left behind.
    foreach (var db in stores)
    {
        using var child = Process.Start(new ProcessStartInfo(Startup.Dotnet) { ArgumentList = { "exec", typeof(Latency).Assembly.Location, "latency-one", samplesDb, db } })!;
        child.WaitForExit();
    }
}

if (what == "latency-one")
{
    // The samples' script first, quiet: the JIT's first compilations are not the store's latency.
    Latency.Run(args[1], quiet: true);
    Latency.Run(args[2]);
}

if (what == "lookups")
{
    foreach (var db in args.Skip(1))
    {
        Lookups.Run(db);
    }
}

if (what == "profile")
{
    // `profile MB` times the stages over the sample repeated to MB megabytes, to find what does not scale.
    var sample = File.ReadAllText(Path.Combine(root, "data", "samples", "immunogen-2005-09-30-8k.txt"));
    var mb = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0;
    // `profile MB line`: the sample with one line of MB megabytes in it.
    var text = mb == 0 ? sample : args.Length > 2 && args[2] == "line" ? FilingTui.Core.Tests.HostileInputs.LongLine(sample, mb) : Encoding.UTF8.GetString(FilingTui.Core.Tests.HostileInputs.Huge(sample, (int)mb));
    Profile.Run(text, mb == 0 ? 200 : 1);
}

if (what is "keys" or "all")
{
    Keys();
}

// One EDGAR submission: parse alone (first run and warm median) and a whole import into a new store.
void Edgar(string file)
{
    var bytes = File.ReadAllBytes(file);
    var first = Stopwatch.StartNew();
    var parsed = ImportPipeline.Parse(bytes);
    first.Stop();
    var warm = new List<double>();
    for (var i = 0; i < 10; i++)
    {
        var sw = Stopwatch.StartNew();
        ImportPipeline.Parse(bytes);
        warm.Add(sw.Elapsed.TotalMilliseconds);
    }

    var text = SourceDecoder.Decode(bytes).Text!;
    var unwrap = new List<double>();
    var rest = new List<double>();
    for (var i = 0; i < 10; i++)
    {
        var sw = Stopwatch.StartNew();
        var u = FilingTui.Core.Formats.SourceFormats.Read(text, []).Render();
        unwrap.Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        ImportPipeline.ParseText(u);
        rest.Add(sw.Elapsed.TotalMilliseconds);
    }

    unwrap.Sort();
    rest.Sort();
    var split = $"  of which the format (SGML split, HTML to text): {unwrap[5]:F0} ms; the passes over its rendering: {rest[5]:F0} ms";
    var dir = Directory.CreateTempSubdirectory("filingtui-bench-").FullName;
    using var store = FilingStore.Open(Path.Combine(dir, "edgar.db"));
    var import = Stopwatch.StartNew();
    var result = store.Import(file, File.ReadAllBytes(file));
    import.Stop();
    warm.Sort();
    Console.WriteLine($"edgar: {Path.GetFileName(file)}, {bytes.Length / 1024.0 / 1024.0:F2} MiB, {parsed.Filing?.Statements.Count} statements");
    Console.WriteLine($"  parse, first in process (JIT included): {first.Elapsed.TotalMilliseconds:F0} ms");
    Console.WriteLine($"  parse, warm median of 10: {warm[5]:F0} ms (min {warm[0]:F0}, max {warm[^1]:F0})");
    Console.WriteLine(split);
    Console.WriteLine($"  import into a new store (parse + store): {import.Elapsed.TotalMilliseconds:F0} ms, {result.Outcome}");
    Directory.Delete(dir, true);
}

void Import(int n)
{
    var samples = SampleTexts();
    var dir = Directory.CreateTempSubdirectory("filingtui-bench-").FullName;
    var files = CorpusGenerator.Write(Path.Combine(dir, "corpus"), samples, n);

    // Floor: read every file and insert only its raw text, in one transaction.
    var floor = Stopwatch.StartNew();
    using (var c = new SqliteConnection($"Data Source={Path.Combine(dir, "floor.db")};Pooling=False"))
    {
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE raw (sha TEXT UNIQUE, text TEXT)";
        cmd.ExecuteNonQuery();
        using var tx = c.BeginTransaction();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO raw VALUES ($s, $t)";
        var ps = cmd.Parameters.Add("$s", SqliteType.Text);
        var pt = cmd.Parameters.Add("$t", SqliteType.Text);
        foreach (var f in files)
        {
            var bytes = File.ReadAllBytes(f);
            ps.Value = SourceDecoder.Sha256Hex(bytes);
            pt.Value = Encoding.UTF8.GetString(bytes);
            cmd.ExecuteNonQuery();
        }

        tx.Commit();
    }

    floor.Stop();

    // Parse only, on all cores.
    var parse = Stopwatch.StartNew();
    Parallel.ForEach(files, f => ImportPipeline.Parse(File.ReadAllBytes(f)));
    parse.Stop();

    // Store only: the same files parsed beforehand, written as the import writes them (batches of 64).
    var parsed = files.Select(f => new FilingStore.ParsedFile(f, ImportPipeline.Parse(File.ReadAllBytes(f)), null)).ToList();
    var writeCpu = Process.GetCurrentProcess().TotalProcessorTime;
    var write = Stopwatch.StartNew();
    using (var store = FilingStore.Open(Path.Combine(dir, "write.db")))
    {
        foreach (var chunk in parsed.Chunk(64))
        {
            store.StoreBatch(chunk);
        }
    }

    write.Stop();
    writeCpu = Process.GetCurrentProcess().TotalProcessorTime - writeCpu;

    // The real import: parse and store, one transaction per filing.
    var full = Stopwatch.StartNew();
    using (var store = FilingStore.Open(Path.Combine(dir, "store.db")))
    {
        store.ImportMany(files, f => (File.ReadAllBytes(f), null), _ => { });
    }

    full.Stop();
    var size = new FileInfo(Path.Combine(dir, "store.db")).Length + (File.Exists(Path.Combine(dir, "store.db-wal")) ? new FileInfo(Path.Combine(dir, "store.db-wal")).Length : 0);
    Console.WriteLine($"import of {n} generated filings ({Environment.ProcessorCount} cores)");
    Console.WriteLine($"  floor (read + insert raw text, one transaction): {n / floor.Elapsed.TotalSeconds,8:0} filings/s");
    Console.WriteLine($"  parse only, all cores:                            {n / parse.Elapsed.TotalSeconds,8:0} filings/s");
    Console.WriteLine($"  store only (parsed beforehand, one thread):       {n / write.Elapsed.TotalSeconds,8:0} filings/s  (CPU {writeCpu / write.Elapsed:P0} of the time)");
    Console.WriteLine($"  filingtui import (parallel parse, batched writes):{n / full.Elapsed.TotalSeconds,8:0} filings/s  ({full.Elapsed.TotalSeconds / floor.Elapsed.TotalSeconds:0.0}x the floor's time)");
    Console.WriteLine($"  store size: {size / (double)n / 1024:0.0} KiB per filing");
    Directory.Delete(dir, true);
}

// The parser's own cost per filing, without threads or disk: the figure to watch when changing Core.
void ParseOneCore(int n, int rounds)
{
    var samples = SampleTexts();
    var dir = Directory.CreateTempSubdirectory("filingtui-bench-").FullName;
    var files = CorpusGenerator.Write(Path.Combine(dir, "corpus"), samples, n).Select(File.ReadAllBytes).ToList();
    Directory.Delete(dir, true);
    var kib = files.Sum(f => f.Length) / 1024.0 / n;
    // The first round runs cold, as `filingtui import` does in a new process: JIT and regex construction included.
    var cold = Stopwatch.StartNew();
    foreach (var f in files)
    {
        ImportPipeline.Parse(f);
    }

    cold.Stop();
    var perRound = new List<double>();
    var gcs = GC.CollectionCount(0);
    var gen2 = GC.CollectionCount(2);
    var paused = GC.GetTotalPauseDuration();
    var allocated = GC.GetTotalAllocatedBytes(true);
    var all = Stopwatch.StartNew();
    for (var r = 0; r < rounds; r++)
    {
        var sw = Stopwatch.StartNew();
        foreach (var f in files)
        {
            ImportPipeline.Parse(f);
        }

        perRound.Add(sw.Elapsed.TotalMilliseconds * 1000 / n);
    }

    var perFiling = (GC.GetTotalAllocatedBytes(true) - allocated) / (double)rounds / n / 1024;
    perRound.Sort();
    Console.WriteLine($"parse of {n} generated filings ({kib:0.0} KiB each), one core, {rounds} rounds");
    Console.WriteLine($"  first round (cold): {cold.Elapsed.TotalMilliseconds * 1000 / n:0} µs per filing");
    Console.WriteLine($"  per filing, warm: median {perRound[rounds / 2]:0} µs, best {perRound[0]:0} µs ({1_000_000 / perRound[rounds / 2]:0} filings/s per core)");
    Console.WriteLine($"  allocated: {perFiling:0} KiB per filing; per round {(GC.CollectionCount(0) - gcs) / (double)rounds:0} collections ({(GC.CollectionCount(2) - gen2) / (double)rounds:0.#} of gen 2), GC pauses {(GC.GetTotalPauseDuration() - paused) / all.Elapsed:P0} of the time");
}

// The three samples' texts, in name order: what every generated corpus and store is made from.
List<string> SampleTexts() => [.. Directory.GetFiles(Path.Combine(root, "data", "samples")).Order().Select(File.ReadAllText)];

void Keys()
{
    var driver = new FakeDriver(120, 40);
    var app = new FilingTui.Terminal.Application(driver, ColorProfile.Ansi16);
    var table = new TableView { Border = true, Title = "10,000 rows", Source = new BigTable(10_000) };
    var text = new TextView { Border = true, Title = "Text" };
    text.SetText(string.Join("\n", Enumerable.Range(0, 2000).Select(i => i % 50 == 0 ? $"line {i} multiple myeloma" : $"line {i} of the business update text")));
    app.Add(table);
    app.Add(text);
    app.Layout = (w, h) =>
    {
        table.Frame = new Rect(0, 0, w, h / 2);
        text.Frame = new Rect(0, h / 2, w, h - (h / 2));
    };
    driver.Init();
    app.DrawFrame();
    var perKey = new List<long>();
    var writesPerFrame = new List<int>();

    void Step(Action act)
    {
        var writes = driver.Writes.Count;
        var bytes = driver.BytesWritten;
        act();
        app.RunIteration(TimeSpan.Zero);
        perKey.Add(driver.BytesWritten - bytes);
        writesPerFrame.Add(driver.Writes.Count - writes);
    }

    for (var i = 0; i < 200; i++)
    {
        Step(() => driver.Enqueue(Key.Char('j')));
    }

    var oneRow = perKey.Skip(1).Take(199).Max();
    for (var i = 0; i < 20; i++)
    {
        Step(() => driver.Enqueue(Key.PageDown));
    }

    Step(() => driver.Enqueue(Key.Tab));
    Step(() => text.Search("myeloma"));
    for (var i = 0; i < 10; i++)
    {
        Step(() => driver.Enqueue(Key.Char('n')));
    }

    Step(() => driver.Resize(100, 30));
    var sorted = perKey.Order().ToList();
    Console.WriteLine($"key script at 120x40 over a 10,000-row table ({perKey.Count} keys)");
    Console.WriteLine($"  bytes per key: median {sorted[sorted.Count / 2]}, p95 {sorted[(int)(sorted.Count * 0.95)]}, max {sorted[^1]}");
    Console.WriteLine($"  one row down (j): at most {oneRow} bytes; a full 120x40 repaint is about {120 * 40} cells");
    Console.WriteLine($"  writes per frame: max {writesPerFrame.Max()}");
}

static string FindRoot()
{
    var d = new DirectoryInfo(AppContext.BaseDirectory);
    while (d is not null && !File.Exists(Path.Combine(d.FullName, "FilingTui.sln")))
    {
        d = d.Parent;
    }

    return d?.FullName ?? Directory.GetCurrentDirectory();
}

internal sealed class BigTable(int count) : ITableSource
{
    public int Rows => count;

    public int Columns => 5;

    public string ColumnName(int column) => column == 0 ? "Line item" : $"3M 20{10 + column}-12";

    public string Cell(int row, int column) => column == 0 ? $"Line item {row}" : ((row * 37 * column) % 100000).ToString("#,0", CultureInfo.InvariantCulture);

    public Alignment Align(int column) => column == 0 ? Alignment.Left : Alignment.Right;
}

internal static class Profile
{
    public static void Run(string text, int runs)
    {
        var sw = new Dictionary<string, TimeSpan>();
        void T(string name, Action a)
        {
            var s = Stopwatch.StartNew();
            a();
            sw[name] = sw.GetValueOrDefault(name) + s.Elapsed;
        }

        var probe = Normalizer.Normalize(text);
        foreach (var (name, test) in new (string, Func<string, bool>)[]
        {
            ("TitleKind", t => FilingTui.Core.Tables.TableExtractor.TitleKind(t) is not null),
            ("UnitsLine", FilingTui.Core.Tables.Units.IsUnitsLine),
            ("PageArtifact", Normalizer.IsPageArtifact),
            ("PrintedLine", t => FilingTui.Core.Tables.PrintedLine.Parse(0, 0, t).Kind == FilingTui.Core.Tables.LineKind.Row),
        })
        {
            var s0 = Stopwatch.StartNew();
            for (var i = 0; i < runs; i++)
            {
                foreach (var l in probe)
                {
                    test(l.Text);
                }
            }

            Console.WriteLine($"  {name,-12} {s0.Elapsed.TotalMilliseconds / runs:0.000} ms per filing");
        }

        for (var i = 0; i < runs; i++)
        {
            List<FilingTui.Core.Import.TextLine> lines = [];
            FilingTui.Core.Import.Layout layout = null!;
            var filing = new FilingTui.Core.Model.Filing();
            List<FilingTui.Core.Tables.RawTable> tables = [];
            T("normalize", () => lines = Normalizer.Normalize(text));
            T("layout", () => layout = CoverParser.FindLayout(lines));
            T("cover", () => CoverParser.Parse(lines, layout, filing));
            T("tables", () => tables = FilingTui.Core.Tables.TableExtractor.Find(lines, 0, out _));
            T("build", () =>
            {
                foreach (var t in tables)
                {
                    FilingTui.Core.Tables.StatementBuilder.Build(t, [], []);
                }
            });
            T("sections", () => SectionParser.Parse(lines, layout, new HashSet<int>(), null));
            T("whole", () => ImportPipeline.ParseText(text));
        }

        foreach (var (k, v) in sw)
        {
            Console.WriteLine($"  {k,-10} {v.TotalMilliseconds / runs:0.00} ms");
        }
    }
}
