using System.Text;
using FilingTui.Core.Import;
using FilingTui.Core.Import.Edgar;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

/// <summary>
/// A whole company newsroom page (NVIDIA's, trimmed; see Wild/README.md) and the HTML rules it needs: recognised
/// though its body starts past 4 KB, its chrome left out, its title, date and statements read. Expected values are
/// the wild corpus truth.
/// </summary>
public class NewsroomHtmlTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Wild", "nvidia-fy2026q1-newsroom-excerpt.html"));

    private static readonly Filing Parsed = ImportPipeline.Parse(Encoding.UTF8.GetBytes(Page)).Filing!;

    private static Statement Kind(StatementKind kind) => Parsed.Statements.First(s => s.Kind == kind);

    private static decimal?[] Row(Statement s, string label) => s.Rows.First(r => r.Label == label).Values;

    [Fact]
    public void The_page_is_read_as_html_though_its_body_starts_past_the_first_4_kb()
    {
        Page.IndexOf("<body", StringComparison.Ordinal).Should().BeGreaterThan(4096);
        HtmlText.LooksLikeHtml(Page).Should().BeTrue();
        Parsed.Text.Should().NotContain("<p").And.NotContain("<meta");
    }

    [Fact]
    public void The_release_title_date_and_company_are_read()
    {
        Parsed.Release!.Title.Should().Be("NVIDIA Announces Financial Results for First Quarter Fiscal 2026");
        Parsed.Release.Date.Should().Be(new DateOnly(2025, 5, 28));
        Parsed.Company.Name.Should().Be("NVIDIA", "the all-caps name is not replaced by the lower-case one of an e-mail address");
        Parsed.Company.Ticker.Should().Be("NVDA");
    }

    [Fact]
    public void The_statement_of_operations_has_the_truth_values()
    {
        var ops = Kind(StatementKind.Operations);
        ops.Columns.Select(c => (c.End, c.Months)).Should().Equal((new DateOnly(2025, 4, 27), 3), (new DateOnly(2024, 4, 28), 3));
        Row(ops, "Revenue").Should().Equal(44062m, 26044m);
        Row(ops, "Net income").Should().Equal(18775m, 14881m);
        ops.Rows.First(r => r.Label.Contains("Diluted", StringComparison.Ordinal) && r.Unit == RowUnit.UsdPerShare).Values.Should().Equal(0.76m, 0.60m);
        ops.Rows.First(r => r.Label == "Revenue").Scale.Should().Be(1_000_000, "the units line is a caption row of the table");
        Parsed.Period!.FiscalYear.Should().Be(2026);
        Parsed.Period.FiscalQuarter.Should().Be(1);
    }

    [Fact]
    public void The_balance_sheet_has_the_truth_total_assets()
    {
        var bs = Kind(StatementKind.BalanceSheet);
        bs.Columns.Select(c => c.End).Should().Equal(new DateOnly(2025, 4, 27), new DateOnly(2025, 1, 26));
        Row(bs, "Total assets").Should().Equal(125254m, 111601m);
    }

    [Theory]
    [InlineData("PLATFORMS")] // the site's navigation menu
    [InlineData("Online Press Kits")] // the newsroom's menu
    [InlineData("<span class=\"social-btn__label\">Tweet</span>")] // share buttons in the page header
    [InlineData("More News")] // the sidebar
    [InlineData("Download Press Release")]
    [InlineData("Newsroom updates delivered to your inbox.")] // the subscribe widget
    [InlineData("Privacy Policy")] // the footer
    public void Page_chrome_is_left_out(string chrome)
    {
        Page.Should().Contain(chrome, "the page has it");
        var text = chrome.StartsWith('<') ? "Tweet" : chrome;
        Parsed.Text.Should().NotContain(text);
    }

    [Fact]
    public void The_closing_paragraphs_printed_for_mobile_and_for_desktop_are_read_once()
    {
        const string boilerplate = "Certain statements in this press release including";
        CountOf(Page, boilerplate).Should().Be(2);
        CountOf(Parsed.Text, boilerplate).Should().Be(1);
    }

    [Fact]
    public void A_summary_table_keeps_its_period_header_over_numbers_that_span_two_grid_columns()
    {
        // "$44,062" spans two grid columns and "Q1 FY26" heads the second; "60.5%" below it is not a percent column.
        Parsed.Text.Should().Contain("($ in millions, except earnings per share)\tQ1 FY26\tQ4 FY25\tQ1 FY25\n");
        Parsed.Text.Should().Contain("Revenue\t$44,062\t$39,331\t$26,044\n");
    }

    [Fact]
    public void A_bold_run_ending_on_a_line_break_is_a_heading_of_its_own()
    {
        Parsed.Text.Should().Contain("\nOutlook\n\nNVIDIA’s outlook for the second quarter of fiscal 2026 is as follows:\n");
        Parsed.Sections.Select(s => s.Heading).Should().Contain("Conference Call and Webcast Information");
    }

    private static int CountOf(string text, string what)
    {
        var n = 0;
        for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + 1, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
