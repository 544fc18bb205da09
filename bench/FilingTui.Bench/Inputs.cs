using System.Diagnostics;
using System.Text;
using FilingTui.Core.Import;
using FilingTui.Core.Tests;

namespace FilingTui.Bench;

/// <summary>
/// Times the parse of each hostile input the tests feed the parser (tests/FilingTui.Core.Tests/HostileInputs.cs):
/// what the parse bound is, measured, and the memory it takes.
/// </summary>
public static class Inputs
{
    public static void Run(string root)
    {
        var sample = File.ReadAllText(Path.Combine(root, "data", "samples", "immunogen-2005-09-30-8k.txt"));
        var oracle = File.ReadAllText(Directory.GetFiles(Path.Combine(root, "tests", "FilingTui.Core.Tests", "DevCorpus"), "oracle-*.txt").Single());
        Console.WriteLine("inputs: parse of hostile inputs (one run each, after a warm-up parse)");
        ImportPipeline.Parse(Encoding.UTF8.GetBytes(sample));
        Time("sample 002 (for scale)", Encoding.UTF8.GetBytes(sample));
        Time("100 MB: sample repeated (over the limit)", HostileInputs.Huge(sample, 100));
        Time("60 MB: sample repeated", HostileInputs.Huge(sample, 60));
        Time("a 10 MB line of numbers", Encoding.UTF8.GetBytes(HostileInputs.LongLine(sample, 10)));
        Time("a table of 5,000 columns", Encoding.UTF8.GetBytes(HostileInputs.WideTable(5000)));
        Time("HTML with scripts", Encoding.UTF8.GetBytes(HostileInputs.HtmlWithScripts));
        Time("Oracle submission cut at 60%", Encoding.UTF8.GetBytes(HostileInputs.Truncated(oracle, 0.6)));
        var rng = new Random(1);
        var worst = 0.0;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 300; i++)
        {
            var edits = Enumerable.Range(0, 1 + rng.Next(8)).Select(_ => new HostileInputs.Edit(rng.Next(), rng.Next(), rng.Next(), rng.Next()));
            var one = Stopwatch.StartNew();
            ImportPipeline.Parse(Encoding.UTF8.GetBytes(HostileInputs.Mutate(sample, edits)));
            worst = Math.Max(worst, one.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"  {"300 mutations of sample 002",-34} mean {sw.Elapsed.TotalMilliseconds / 300,8:N1} ms   worst {worst,8:N1} ms");
    }

    private static void Time(string what, byte[] bytes)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        var r = ImportPipeline.Parse(bytes);
        sw.Stop();
        var allocated = (GC.GetTotalAllocatedBytes(true) - before) / 1024.0 / 1024.0;
        var f = r.Filing;
        var outcome = f is null ? $"refused: {r.Error}" : $"{f.Statements.Count} statements, {f.Sections.Count} sections, {f.Diagnostics.Count} diagnostics ({string.Join(", ", f.Diagnostics.Select(d => d.Code).Distinct().Take(4))})";
        Console.WriteLine($"  {what,-34} {bytes.Length / 1024.0 / 1024.0,7:N2} MB {sw.Elapsed.TotalMilliseconds,9:N0} ms {allocated,8:N0} MB allocated   {outcome}");
    }
}
