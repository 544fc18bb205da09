using FilingTui.Core.Import;

namespace FilingTui.Core.Tests;

public class NarrativeTests
{
    [Theory]
    [InlineData("immunogen-2005-09-30-8k", 10)]
    [InlineData("immunogen-2003-03-31-8k", 11)]
    [InlineData("immunogen-2010-12-31-release", 10)]
    public void Figures_in_the_text_agree_with_the_tables(string name, int figures)
    {
        var filing = Samples.Parse(name);
        filing.Diagnostics.Should().NotContain(d => d.Code == "narrative-mismatch");
        filing.Diagnostics.Should().Contain(d => d.Code == "narrative" && d.Message == $"{figures} of {figures} figures stated in the text agree with the tables");
    }

    [Theory]
    [InlineData(@"net loss of \$4.7 million", @"net loss of \$4.9 million", "net income (loss)")]
    [InlineData(@"were \$7.8 million", @"were \$7.6 million", "total revenues")]
    [InlineData(@"\$86.8 million in cash", @"\$68.8 million in cash", "cash and marketable securities")]
    [InlineData(@"\$0.11 per basic", @"\$0.12 per basic", "per common share")]
    public void A_changed_figure_in_a_copy_is_a_warning(string from, string to, string row)
    {
        var text = Samples.Text("immunogen-2005-09-30-8k");
        text.Should().Contain(from);
        var filing = ImportPipeline.ParseText(text.Replace(from, to, StringComparison.Ordinal));
        filing.Diagnostics.Should().ContainSingle(d => d.Code == "narrative-mismatch").Which.Message.Should().Contain(row);
    }
}
