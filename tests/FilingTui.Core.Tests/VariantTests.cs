using System.Text.RegularExpressions;
using FilingTui.Core.Import;
using FilingTui.Core.Model;
using Xunit.Abstractions;

namespace FilingTui.Core.Tests;

public class VariantTests(ITestOutputHelper output)
{
    private static string Norm(string label) => Regex.Replace(Regex.Replace(label, @"\(\d\)", ""), @"\s+", " ").Trim().ToLowerInvariant();

    [Fact]
    public void Over_a_thousand_messy_variants_values_come_out_exact_and_misses_are_flagged()
    {
        int values = 0, exact = 0, variants = 0, unflagged = 0;
        var perMutation = new Dictionary<string, (int Values, int Exact)>();
        foreach (var name in Samples.Names)
        {
            var text = Samples.Text(name);
            var golden = Samples.Golden(name)["statements"]!.AsArray();
            for (var seed = 0; seed < 340; seed++)
            {
                var (variant, applied) = VariantGenerator.Make(text, (seed * 7919) + name.Length);
                var filing = ImportPipeline.ParseText(variant);
                variants++;
                int v = 0, e = 0;
                foreach (var gs in golden)
                {
                    var statement = filing.Statements.FirstOrDefault(s => s.Kind.ToKey() == gs!["kind"]!.GetValue<string>());
                    var pos = 0;
                    foreach (var gr in gs!["rows"]!.AsArray())
                    {
                        var expected = gr!["values"]!.AsArray().Select(x => x!.GetValue<decimal>()).ToList();
                        v += expected.Count;
                        var idx = statement?.Rows.FindIndex(pos, r => Norm(r.Label) == Norm(gr["label"]!.GetValue<string>())) ?? -1;
                        if (idx < 0)
                        {
                            continue;
                        }

                        pos = idx + 1;
                        e += expected.Where((x, i) => i < statement!.Rows[idx].Values.Length && statement.Rows[idx].Values[i] == x).Count();
                    }
                }

                values += v;
                exact += e;
                foreach (var m in applied.Distinct())
                {
                    var (pv, pe) = perMutation.GetValueOrDefault(m);
                    perMutation[m] = (pv + v, pe + e);
                }

                if (e < v && !filing.Diagnostics.Any(d => d.Severity >= Severity.Warning))
                {
                    unflagged++;
                    output.WriteLine($"unflagged miss: {name} seed {seed}: {string.Join(",", applied)}");
                }
            }
        }

        var share = (double)exact / values;
        output.WriteLine($"{variants} variants, {values} values, {exact} exact: {share:P3}");
        foreach (var (m, (pv, pe)) in perMutation.OrderBy(k => k.Key))
        {
            output.WriteLine($"  {m,-14} {(double)pe / pv:P2} of {pv} values");
        }

        variants.Should().BeGreaterThanOrEqualTo(1000);
        share.Should().BeGreaterThanOrEqualTo(0.995);
        unflagged.Should().Be(0);
    }
}
