using System.Globalization;
using FilingTui.Core.Formats;
using FilingTui.Core.Import;
using FilingTui.Core.Model;
using FilingTui.Core.Tables;

namespace FilingTui.Core.Tests;

/// <summary>
/// Markdown copies of real releases (GlobeNewswire, PR Newswire, Business Wire through ../shared/wild): a whole file,
/// and rows copied from others, each for the rule that needed it.
/// </summary>
public class MarkdownFormatTests
{
    private static string Col(StatementColumn c) => $"{c.Months}M {c.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static SourceDocument Read(string text) => SourceFormats.Read(text, []);

    /// <summary>The rows of the document's tables as the text reader sees them, cells apart by "|".</summary>
    private static List<string> TableRows(SourceDocument d) =>
        [.. d.Blocks.OfType<TableBlock>().SelectMany(t => t.Rows).Select(r => string.Join("|", r))];

    private static List<string> ProseLines(SourceDocument d) =>
        [.. d.Blocks.OfType<ProseBlock>().SelectMany(p => p.Lines).Where(l => l.Length > 0)];

    [Fact]
    public void Generac_from_its_globenewswire_copy_gives_the_truth_values()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Wild", "generac-2024q4-globenewswire.md"));
        var document = Read(text);
        document.Format.Should().Be("markdown");
        document.Title.Should().Be("Generac Reports Fourth Quarter and Full-Year 2024 Results");
        document.Date.Should().Be("2025-02-12 19:10:50");

        var f = ImportPipeline.ParseText(text);
        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);
        ops.Columns.Select(Col).Should().Equal("3M 2024-12-31", "3M 2023-12-31", "12M 2024-12-31", "12M 2023-12-31");
        ops.Rows.Single(r => r.Label == "Net sales").Values.Should().Equal(1234801m, 1063670m, 4295834m, 4022667m);
        ops.Rows.Single(r => r.Label == "Net income").Values.Should().Equal(117669m, 96810m, 316978m, 217120m);
        ops.Rows.Single(r => r.Label == "Interest expense").Values.Should().Equal(-19880m, -24765m, -89713m, -97627m);
        ops.Rows.Single(r => r.Label.Contains("per common share - diluted", StringComparison.Ordinal)).Values.Should().Equal(2.15m, 1.57m, 5.39m, 3.27m);

        var balance = f.Statements.First(s => s.Kind == StatementKind.BalanceSheet && s.Rows.Any(r => r.Label == "Total assets"));
        balance.Columns.Select(Col).Should().Equal("0M 2024-12-31", "0M 2023-12-31");
        balance.Rows.Single(r => r.Label == "Total assets").Values.Should().Equal(5109331m, 5093312m);
    }

    [Fact]
    public void Amounts_split_over_cells_are_joined_and_a_merged_header_stands_over_each_of_its_columns()
    {
        // Generac's balance sheet: a header row of 4 cells over rows of 8, "$" and ")" in cells of their own.
        var d = Read("""
            | Generac Holdings Inc. |
            | --- |
            | Condensed Consolidated Balance Sheets |
            | *(U.S. Dollars in Thousands, Except Share and Per Share Data)* |
            | (Unaudited) |
            |  |  |  |  |
            |  | **December 31,** |  | **December 31,** |
            |  |  | **2024** |  |  |  | **2023** |  |
            | **Assets** |  |  |  |
            | Cash and cash equivalents | $ | 281,277 |  |  | $ | 200,994 |  |
            | Treasury stock, at cost |  | (1,196,997 | ) |  |  | (1,032,921 | ) |
            | Redeemable noncontrolling interest |  | - |  |  |  | 6,549 |  |
            """);
        ProseLines(d).Should().Equal("Generac Holdings Inc.", "Condensed Consolidated Balance Sheets", "(U.S. Dollars in Thousands, Except Share and Per Share Data)", "(Unaudited)");
        TableRows(d).Should().Equal(
            "|December 31,|December 31,",
            "|2024|2023",
            "Assets",
            "Cash and cash equivalents|$281,277|$200,994",
            "Treasury stock, at cost|(1,196,997)|(1,032,921)",
            "Redeemable noncontrolling interest|-|6,549");
    }

    [Fact]
    public void A_full_width_header_cell_stands_over_the_columns_up_to_the_next_one()
    {
        // Himax: the linked quarter's heading stands over its one column, the quarter's over two.
        var d = Read("""
            | Unaudited Condensed Consolidated Statements of Profit or Loss | | | | | | | | | | | | |
            | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
            |  | Three Months Ended December 31, | | | | | | |  | 3 Months Ended September 30, | | | |
            |  |  | 2024 |  |  |  | 2023 |  |  |  | 2024 | |  |
            | Revenues from third parties, net | $ | 237,182 |  |  | $ | 227,664 |  |  | $ | 222,401 | |  |
            | Finance costs |  | (964 | ) |  |  | (1,140 | ) |  |  | (1,018 | | ) |
            |  |  | 237,223 |  |  |  | 227,678 |  |  |  | 222,407 | |  |
            """);
        TableRows(d).Should().Equal(
            "|Three Months Ended December 31,|Three Months Ended December 31,|3 Months Ended September 30,",
            "|2024|2023|2024",
            "Revenues from third parties, net|$237,182|$227,664|$222,401",
            "Finance costs|(964)|(1,140)|(1,018)",
            "|237,223|227,678|222,407");
    }

    [Fact]
    public void Percentage_columns_and_their_headings_are_left_out_and_a_row_on_a_grid_of_its_own_keeps_its_amounts()
    {
        // SunLink: "% of Net Revenues" beside each amount; the per-share rows print no percentage cells at all.
        var d = Read("""
            | **CONSOLIDATED STATEMENTS OF EARNINGS (LOSS)** |
            | --- |
            |  | **Three Months Ended December 31,** |  | **Six Months Ended December 31,** |
            |  |  | **2024** |  | **2023** |  | **2024** |  | **2023** |
            |  |  |  |  | **% of Net** |  |  |  | **% of Net** |  |  |  | **% of Net** |  |  |  | **% of Net** |
            |  |  | **Amount** |  | **Revenues** |  | **Amount** |  | **Revenues** |  | **Amount** |  | **Revenues** |  | **Amount** |  | **Revenues** |
            | Net revenues |  | $ | 7,935 |  |  |  | 100.0 | % |  | $ | 8,510 |  |  | 100.0 | % |  | $ | 15,858 |  |  | 100.0 | % |  | $ | 17,065 |  |  | 100.0 | % |
            | Diluted |  | $ | (0.19 | ) |  |  |  | $ | (0.44 | ) |  |  |  | $ | (0.27 | ) |  |  |  | $ | (0.63 | ) |  |  |
            """);
        TableRows(d).Should().Equal(
            "|Three Months Ended December 31,|Three Months Ended December 31,|Six Months Ended December 31,|Six Months Ended December 31,",
            "|2024|2023|2024|2023",
            "|Amount|Amount|Amount|Amount",
            "Net revenues|$7,935|$8,510|$15,858|$17,065",
            "Diluted|$(0.19)|$(0.44)|$(0.27)|$(0.63)");
    }

    [Fact]
    public void A_units_line_in_the_stub_of_a_header_row_is_a_line_of_its_own()
    {
        // Nabors: "(In thousands)" left of the years would make the years a context line, not the header.
        var d = Read("""
            | **CONDENSED CONSOLIDATED BALANCE SHEETS** |
            | --- |
            |  |  | **December 31,** |  | **September 30,** |  | **December 31,** |
            | **(In thousands)** |  | **2024** |  | **2024** |  | **2023** |
            | Total assets |  | $            4,504,301 |  | $            4,553,636 |  | $            5,277,965 |
            """);
        TableRows(d).Should().Equal(
            "|December 31,|September 30,|December 31,",
            "(In thousands)",
            "|2024|2024|2023",
            "Total assets|$ 4,504,301|$ 4,553,636|$ 5,277,965");
    }

    [Fact]
    public void A_bullet_table_and_a_note_table_are_prose()
    {
        var d = Read("""
            | ● | fluctuations in cost, availability, and quality of raw materials; |
            | --- | --- |
            | ● | our ability to remain competitive; |
            """);
        d.Blocks.Should().AllBeOfType<ProseBlock>();
        ProseLines(d).Should().Equal("• fluctuations in cost, availability, and quality of raw materials;", "• our ability to remain competitive;");
    }

    [Fact]
    public void Prose_loses_emphasis_escapes_and_link_targets_and_a_code_fence_stays_as_printed()
    {
        var d = Read("""
            ---
            title: "Lattice Semiconductor Reports Fourth Quarter and Full Year 2024 Results"
            date: "2025-02-11 05:01:00"
            ---

            **Fourth Quarter 2024 Highlights** for December 31, \*

            [InvestorRelations@generac.com](https://www.globenewswire.com/Tracker?data=BTsj)

            ```
                           Q4 2024     Q3 2024
            Revenue        $ 117,419  $ 127,091
            ```
            """);
        d.Title.Should().Be("Lattice Semiconductor Reports Fourth Quarter and Full Year 2024 Results");
        ProseLines(d).Should().Equal(
            "Fourth Quarter 2024 Highlights for December 31, *",
            "InvestorRelations@generac.com",
            "               Q4 2024     Q3 2024",
            "Revenue        $ 117,419  $ 127,091");
    }

    [Theory]
    [InlineData("---\ntitle: \"X Reports Results\"\n---\n\nText.\n", "markdown")]
    [InlineData("Text\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n", "markdown")]
    [InlineData("Text\n\n```\n  Revenue   1,234\n```\n", "markdown")]
    [InlineData("# Results\n\nText.\n\n## Outlook\n\nMore.\n", "markdown")]
    [InlineData("# Paltalk, Inc. Reports Results for Third Quarter 2024\n\nText.\n", "text")]
    [InlineData("ACME CORP REPORTS RESULTS\n\nRevenue    1,234    1,000\n---\nTotal  | 5 |\n", "text")]
    [InlineData("Revenue grew.\n\n# 5 stores opened\n", "text")]
    public void Markdown_is_recognised_by_what_only_markdown_prints(string text, string format) => Read(text).Format.Should().Be(format);

    [Theory]
    [InlineData(new[] { "Cash", "$", "281,277" }, new[] { "Cash", "$281,277" })]
    [InlineData(new[] { "Interest expense", "(19,880", ")" }, new[] { "Interest expense", "(19,880)" })]
    [InlineData(new[] { "Basic and diluted earnings/(loss) per share", "€ (0.64", ")" }, new[] { "Basic and diluted earnings/(loss) per share", "€ (0.64)" })]
    [InlineData(new[] { "Net revenues", "100.0", "%" }, new[] { "Net revenues", "100.0%" })]
    [InlineData(new[] { "$", "Total" }, new[] { "$", "Total" })]
    public void Cell_pieces_join_to_the_amount_they_belong_to(string[] cells, string[] joined) =>
        CellJoin.Merge(cells, c => c, (_, t) => t, leadingLabels: 1).Should().Equal(joined);

    [Theory]
    [InlineData("Ascendis Pharma A/S Consolidated Statements of Profit or (Loss) (In EUR'000s, except share and per share data)", 1000, 1)]
    [InlineData("Amounts in 000's, except per share", 1000, 1000)]
    [InlineData("(in thousands, except per share amounts)", 1000, 1000)]
    public void Thousands_written_as_000s_are_a_units_line(string line, int amount, int shares)
    {
        Units.IsUnitsLine(line).Should().BeTrue();
        Units.Parse(line)!.Amount.Should().Be(amount);
        Units.Parse(line)!.Shares.Should().Be(shares);
    }

    [Theory]
    [InlineData("Revenue grew to EUR 1,000 in 2024")]
    [InlineData("in 2000's decade")]
    public void A_sentence_with_numbers_is_no_units_line(string line) => Units.IsUnitsLine(line).Should().BeFalse();
}
