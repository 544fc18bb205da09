using System.Diagnostics;
using System.Text;
using FilingTui.Core.Import;
using FilingTui.Core.Tests;

namespace FilingTui.Bench;

/// <summary>
/// Times the parse of every pathological run in every format (tests/FilingTui.Core.Tests/HostileInputs.cs,
/// <see cref="HostileInputs.Pathological"/>) at about 1 MB, one run each after a warm-up, and prints the worst.
/// Goal (issue 19): none over 1 s.
/// </summary>
public static class ParseHostile
{
    public static void Run(int bytes)
    {
        Console.WriteLine($"parse-hostile: {HostileInputs.Runs.Length} runs x {HostileInputs.Formats.Length} formats, about {bytes / 1024.0 / 1024:N1} MB each (one parse each, after a warm-up)");
        ImportPipeline.Parse(Encoding.UTF8.GetBytes(HostileInputs.Pathological("text", "mixed", 64 * 1024)));
        var worst = (Ms: 0.0, What: "");
        foreach (var run in HostileInputs.Runs)
        {
            var line = new StringBuilder($"  {run,-20}");
            foreach (var format in HostileInputs.Formats)
            {
                var input = Encoding.UTF8.GetBytes(HostileInputs.Pathological(format, run, bytes));
                var sw = Stopwatch.StartNew();
                var r = ImportPipeline.Parse(input);
                sw.Stop();
                var ms = sw.Elapsed.TotalMilliseconds;
                line.Append($" {format} {ms,7:N0} ms{(r.Filing is null ? " (refused)" : "")}");
                if (ms > worst.Ms)
                {
                    worst = (ms, $"{run} in {format}, {input.Length / 1024.0 / 1024:N2} MB");
                }
            }

            Console.WriteLine(line);
        }

        Console.WriteLine($"  worst: {worst.Ms:N0} ms ({worst.What}); goal: none over 1,000 ms");
    }
}
