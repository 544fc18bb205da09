using FilingTui.Core.Import;
using FluentAssertions;
using Xunit;

namespace FilingTui.Core.Tests;

/// <summary>Datelines, company names and metadata of newswire copies (lines from real releases).</summary>
public class CoverTests
{
    [Theory]
    [InlineData("DUBLIN, Feb. 12, 2025 /PRNewswire/ — Alkermes plc today reported financial results", 2025, 2, 12)]
    [InlineData("PASADENA, Calif.--(BUSINESS WIRE)--February 10, 2025--", 2025, 2, 10)]
    [InlineData("COPENHAGEN, Denmark, Feb. 12, 2025 (GLOBE NEWSWIRE) — Ascendis Pharma A/S today announced", 2025, 2, 12)]
    [InlineData("ROSH-HA`AYIN, Israel, Feb. 12, 2025 (GLOBE NEWSWIRE) — Kornit Digital Ltd.", 2025, 2, 12)]
    [InlineData("MONTREAL and SAN FRANCISCO, Feb. 10, 2025 /PRNewswire/ - Coveo Solutions Inc.", 2025, 2, 10)]
    [InlineData("CUPERTINO, CA - March 13, 2025 (NEWMEDIAWIRE) - Aemetis, Inc. (NASDAQ: AMTX)", 2025, 3, 13)]
    public void A_newswire_dateline_dates_the_release(string dateline, int y, int m, int d)
    {
        var f = ImportPipeline.ParseText($"Acme Reports Fourth Quarter 2024 Results\n\n(21:01 GMT) headline one\n(21:02 GMT) headline two\n\n{dateline}\n");
        f.Release!.Date.Should().Be(new DateOnly(y, m, d));
    }

    [Theory]
    [InlineData("ATHENS, Greece, Feb. 10, 2025 /PRNewswire/ -- Danaos Corporation (\"Danaos\") (NYSE: DAC), one of the world's largest", "Danaos Corporation", "DAC")]
    [InlineData("NEW YORK, Feb. 07, 2025 (GLOBE NEWSWIRE) — PhenixFIN Corporation (NASDAQ: PFX, PFXNZ) (the \"Company\"), a publicly traded", "PhenixFIN Corporation", "PFX")]
    [InlineData("CHICAGO, Feb. 7, 2025 /PRNewswire/ — Cboe Global Markets, Inc. (Cboe: CBOE) today reported", "Cboe Global Markets, Inc.", "CBOE")]
    public void The_company_is_the_name_before_its_ticker_without_what_the_release_calls_it(string line, string name, string ticker)
    {
        var f = ImportPipeline.ParseText($"Acme Reports Fourth Quarter 2024 Results\n\n{line}\n");
        f.Company.Name.Should().Be(name);
        f.Company.Ticker.Should().Be(ticker);
    }

    [Fact]
    public void A_title_stated_as_metadata_stands_for_the_release_and_its_date_where_no_dateline_dates_it()
    {
        var f = new FilingTui.Core.Model.Filing();
        CoverParser.ApplyMetadata(f, "SunLink Health Systems, Inc. Announces Fiscal 2025 Second Quarter Results", "2025-02-13 05:55:41");
        f.Release!.Title.Should().Be("SunLink Health Systems, Inc. Announces Fiscal 2025 Second Quarter Results");
        f.Release.Date.Should().Be(new DateOnly(2025, 2, 13));
        f.Company.Name.Should().Be("SunLink Health Systems, Inc.");
    }

    [Fact]
    public void A_stated_title_replaces_a_company_name_read_off_a_headline_line()
    {
        var f = ImportPipeline.ParseText("(21:01 GMT) *Lattice Semiconductor 4Q EPS 12c Press Release: Lattice Semiconductor Reports Fourth Quarter Results\n\nbody.\n");
        f.Company.Name.Should().StartWith("(21:01 GMT)");
        CoverParser.ApplyMetadata(f, "Lattice Semiconductor Reports Fourth Quarter and Full Year 2024 Results", null);
        f.Company.Name.Should().Be("Lattice Semiconductor");
    }

    [Fact]
    public void A_markdown_heading_title_loses_its_marks() =>
        ImportPipeline.ParseText("# Aemetis Reports 2024 Fourth Quarter and Year-End Results\n\nbody text here.\n").Release!.Title
            .Should().Be("Aemetis Reports 2024 Fourth Quarter and Year-End Results");
}

/// <summary>Control characters a format decodes (HTML character references) are cleaned like the raw bytes' are.</summary>
public class DecodedControlTests
{
    [Fact]
    public void Character_references_to_escape_and_bell_never_reach_the_filing()
    {
        const string html = "<html><body><p>Evil&#x1b;]0;pwned&#7; Corp Reports Fourth Quarter 2024 Results</p><p>NEW YORK, Feb. 1, 2025 -- Evil&#x1b;[31m Corp (NYSE: EVL) today reported results.</p></body></html>";
        var f = ImportPipeline.ParseText(html);
        f.Release!.Title.Should().Be("Evil␛]0;pwned␇ Corp Reports Fourth Quarter 2024 Results");
        f.Text.Should().NotContain("\u001b").And.NotContain("\u0007");
        f.Sections.Should().NotBeEmpty().And.OnlyContain(s => !s.Text.Contains('\u001b') && !s.Heading.Contains('\u001b'));
        f.Diagnostics.Should().Contain(d => d.Code == "control-characters");
    }
}

/// <summary>The decoded file is kept beside the text read only where they differ, so a plain file is stored once.</summary>
public class SourceKeptTests
{
    [Fact]
    public void Plain_text_keeps_no_second_copy_and_a_rendered_format_keeps_its_source()
    {
        ImportPipeline.ParseText(Samples.Text("immunogen-2010-12-31-release")).Source.Should().BeNull();
        const string md = "---\ntitle: \"Acme Reports Fourth Quarter 2024 Results\"\n---\n\n| Revenue | 1 | 2 |\n| --- | --- | --- |\n";
        ImportPipeline.ParseText(md).Source.Should().Be(md);
    }
}
