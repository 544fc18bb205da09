using FilingTui.Core.Import;

namespace FilingTui.Core.Tests;

public class RobustnessTests
{
    [Fact]
    public void Truncated_and_shuffled_samples_never_throw()
    {
        var rng = new Random(42);
        foreach (var name in Samples.Names)
        {
            var lines = Samples.Text(name).Split('\n');
            for (var i = 0; i < 150; i++)
            {
                var cut = lines.Take(rng.Next(lines.Length)).ToList();
                if (i % 2 == 1)
                {
                    cut = [.. cut.OrderBy(_ => rng.Next())];
                }

                var text = string.Join('\n', cut);
                var act = () => ImportPipeline.ParseText(text);
                act.Should().NotThrow($"{name} cut at {cut.Count} lines, variant {i}");
            }
        }
    }

    [Fact]
    public void A_text_without_tables_imports_with_a_plain_reason()
    {
        var filing = ImportPipeline.ParseText("Acme Corp Reports Third Quarter Results\n\nSome words about the quarter.\n");
        filing.Statements.Should().BeEmpty();
        filing.Diagnostics.Should().Contain(d => d.Code == "no-operations" && d.Message == "no statement of operations was found (no financial statement tables at all); the filing's text is kept");
        filing.Company.Name.Should().Be("Acme Corp");
    }
}
