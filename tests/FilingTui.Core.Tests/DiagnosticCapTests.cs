using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

public sealed class DiagnosticCapTests
{
    [Fact]
    public void Many_notes_of_one_code_become_the_first_few_and_one_that_counts_the_rest_at_their_worst_level()
    {
        var list = new List<Diagnostic> { new(Severity.Info, "submission", "read the release") };
        for (var i = 1; i <= 50; i++)
        {
            list.Add(new Diagnostic(i == 40 ? Severity.Warning : Severity.Info, "page-header", "a running header was dropped", i * 10));
        }

        list.Add(new Diagnostic(Severity.Warning, "no-operations", "no statement of operations was found"));
        DiagnosticCap.Apply(list);

        list.Should().HaveCount(1 + DiagnosticCap.PerCode + 1 + 1);
        list[0].Code.Should().Be("submission");
        list.Skip(1).Take(DiagnosticCap.PerCode).Select(d => d.Line).Should().Equal(Enumerable.Range(1, DiagnosticCap.PerCode).Select(i => (int?)(i * 10)));
        list[DiagnosticCap.PerCode + 1].Should().Be(new Diagnostic(Severity.Warning, "page-header", "30 more like the above (lines 210 to 500); only the first 20 are listed"));
        list[^1].Code.Should().Be("no-operations");
    }

    [Fact]
    public void A_filing_with_a_few_notes_of_each_code_keeps_them_all()
    {
        var list = Enumerable.Range(1, DiagnosticCap.PerCode).Select(i => new Diagnostic(Severity.Info, "page-header", "same", 5)).ToList();
        DiagnosticCap.Apply(list);
        list.Should().HaveCount(DiagnosticCap.PerCode);
    }
}
