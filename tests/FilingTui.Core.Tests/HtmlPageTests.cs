using System.Text;
using FilingTui.Core.Import;
using FilingTui.Core.Import.Edgar;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

/// <summary>The web-page rules of the HTML reader, each on the smallest page that needs it.</summary>
public class HtmlPageTests
{
    private const string Release = """
        <h1>Acme Corp Reports Third Quarter Results</h1>
        <p>SPRINGFIELD, Ill., Nov. 1, 2024 -- Acme Corp (NYSE: ACME) today reported results for the quarter ended September 30, 2024.</p>
        """;

    [Fact]
    public void An_exhibit_with_a_9_kb_style_sheet_in_its_head_is_read_as_html()
    {
        var html = "<html><head><style>" + string.Concat(Enumerable.Repeat(".c1 { font-family: 'Times New Roman'; font-size: 10pt; }\n", 160)) + "</style></head><body>" + Release + Table + "</body></html>";
        html.IndexOf("<body>", StringComparison.Ordinal).Should().BeGreaterThan(9000);

        var f = ImportPipeline.Parse(Encoding.UTF8.GetBytes(html)).Filing!;

        f.Text.Should().NotContain("font-family").And.NotContain("<p>");
        f.Release!.Title.Should().Be("Acme Corp Reports Third Quarter Results");
        f.Statements.Single(s => s.Kind == StatementKind.Operations).Rows.First(r => r.Label == "Revenues").Values.Should().Equal(1200m, 1100m);
    }

    [Fact]
    public void A_page_wrapped_whole_in_a_form_is_still_read()
    {
        // Older site frameworks put the whole page in one form: an element holding most of the text is not chrome.
        var text = HtmlText.Render("<html><body><form id=\"aspnetForm\"><div class=\"menu\">Home | Investors</div>" + Release + "</form></body></html>");

        text.Should().Contain("Acme Corp Reports Third Quarter Results").And.Contain("today reported results");
        text.Should().NotContain("Home | Investors");
    }

    [Fact]
    public void The_main_element_is_the_content_when_it_holds_most_of_the_text()
    {
        var text = HtmlText.Render("<html><body><div>Site banner text</div><main>" + Release + "</main><div>Copyright notice</div></body></html>");

        text.TrimEnd().Should().Be("Acme Corp Reports Third Quarter Results\n\nSPRINGFIELD, Ill., Nov. 1, 2024 -- Acme Corp (NYSE: ACME) today reported results for the quarter ended September 30, 2024.");
    }

    [Fact]
    public void Teaser_articles_of_other_pages_are_not_taken_for_the_content()
    {
        var text = HtmlText.Render("<html><body>" + Release + "<article>Acme opens a plant</article><article>Acme names a CFO</article></body></html>");

        text.Should().Contain("today reported results").And.Contain("Acme opens a plant");
    }

    [Fact]
    public void An_articles_own_header_and_footer_stay_while_the_pages_go()
    {
        var text = HtmlText.Render("<html><body><header>Site header</header><article><header><h1>Acme Corp Reports Third Quarter Results</h1></header>"
            + "<p>Acme Corp today reported results for the quarter ended September 30, 2024, with revenue up in every segment and margins wider.</p>"
            + "<footer>Source: Acme Corp</footer></article><footer>Site footer</footer></body></html>");

        text.Should().Contain("Acme Corp Reports Third Quarter Results").And.Contain("Source: Acme Corp");
        text.Should().NotContain("Site header").And.NotContain("Site footer");
    }

    [Theory]
    [InlineData("<nav>Products Investors Careers</nav>")]
    [InlineData("<div role=\"navigation\">Products Investors Careers</div>")]
    [InlineData("<div id=\"onetrust-consent-sdk\"><p>Products Investors Careers</p></div>")]
    [InlineData("<div class=\"cookie-banner\">Products Investors Careers</div>")]
    [InlineData("<aside>Products Investors Careers</aside>")]
    [InlineData("<div class=\"social-share\"><button>Products Investors Careers</button></div>")]
    public void Chrome_is_known_by_its_markup(string chrome)
    {
        var text = HtmlText.Render("<html><body>" + chrome + Release + "</body></html>");

        text.Should().NotContain("Products Investors Careers");
        text.Should().Contain("today reported results");
    }

    [Fact]
    public void A_class_name_that_marks_content_is_not_chrome()
    {
        var text = HtmlText.Render("<html><body><div class=\"article-header\"><h2>Acme Corp Reports Third Quarter Results</h2></div>" + Release + "</body></html>");

        text.Should().StartWith("Acme Corp Reports Third Quarter Results\n");
    }

    [Fact]
    public void A_title_in_the_pages_banner_is_kept()
    {
        var text = HtmlText.Render("<html><body><header><a href=\"/\">Home</a><h1>Acme Corp Reports Third Quarter Results</h1></header><p>Acme Corp today reported results for the quarter.</p></body></html>");

        text.TrimEnd().Should().Be("Acme Corp Reports Third Quarter Results\n\nAcme Corp today reported results for the quarter.");
    }

    [Fact]
    public void A_table_title_row_across_the_whole_table_is_a_line_of_its_own()
    {
        var text = HtmlText.Render("<table><tr><td colspan=\"3\">(In thousands)</td></tr><tr><td></td><td>2024</td><td>2023</td></tr><tr><td>Revenues</td><td>$</td><td>1,200</td><td>$</td><td>1,100</td></tr></table>");

        text.TrimStart().Should().StartWith("(In thousands)\n\t2024\t2023\nRevenues\t$1,200\t$1,100\n");
    }

    [Fact]
    public void Markup_nested_past_the_limit_is_flattened_and_its_text_kept()
    {
        var deep = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "Revenue grew." + string.Concat(Enumerable.Repeat("</div>", 20_000)) + "</body></html>";

        var flat = NestingLimit.Apply(deep);

        CountOf(flat, "<div>").Should().Be(NestingLimit.MaxDepth);
        CountOf(flat, "</div>").Should().Be(NestingLimit.MaxDepth);
        HtmlText.Render(deep).Trim().Should().Be("Revenue grew.");
    }

    [Fact]
    public void Markup_under_the_limit_and_unclosed_items_are_left_as_they_are()
    {
        var page = "<html><body><ul>" + string.Concat(Enumerable.Repeat("<li>item", 5_000)) + "</ul><script>var s = '" + string.Concat(Enumerable.Repeat("<div>", 500)) + "';</script></body></html>";

        NestingLimit.Apply(page).Should().BeSameAs(page);
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    private const string Table = """
        <p>ACME CORP</p><p>CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>(in thousands)</p>
        <table>
        <tr><td></td><td colspan="2">Three Months Ended September 30,</td></tr>
        <tr><td></td><td>2024</td><td>2023</td></tr>
        <tr><td>Revenues</td><td>$</td><td>1,200</td><td>$</td><td>1,100</td></tr>
        <tr><td>Cost of revenues</td><td>500</td><td>450</td></tr>
        <tr><td>Gross profit</td><td>700</td><td>650</td></tr>
        </table>
        """;
}
