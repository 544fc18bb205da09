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

public class ContactTests
{
    [Theory]
    [InlineData("immunogen-2005-09-30-8k", "Carol Hausner", "Tony Loke")]
    [InlineData("immunogen-2003-03-31-8k", "Carol Hausner", "Pete Holmberg")]
    [InlineData("immunogen-2010-12-31-release", "Carol Hausner", "Barbara Yates")]
    public void Investor_and_media_contacts_are_extracted(string name, string investors, string media)
    {
        var contacts = Samples.Parse(name).Contacts;
        contacts.Should().ContainSingle(c => c.Role == "Investors").Which.Name.Should().Be(investors);
        contacts.Should().ContainSingle(c => c.Role == "Media").Which.Name.Should().Be(media);
        contacts.Should().OnlyContain(c => c.Phone != null);
    }

    [Fact]
    public void The_cover_keeps_address_signer_title_and_exhibit_description()
    {
        var f = Samples.Parse("immunogen-2005-09-30-8k");
        f.Company.Address.Should().Be("128 Sidney Street, Cambridge, MA 02139");
        f.Company.Exchange.Should().Be("Nasdaq");
        f.Signer!.Title.Should().Be("Senior Corporate Controller (Principal Accounting Officer)");
        f.Exhibits.Single().Description.Should().Be("Press Release of ImmunoGen, Inc. dated November 3, 2005");
        f.Release!.Dateline.Should().StartWith("CAMBRIDGE, MA, November 3, 2005");
    }
}
