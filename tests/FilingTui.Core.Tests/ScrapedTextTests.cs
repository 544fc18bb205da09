using System.Text;
using FilingTui.Core.Formats;
using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

/// <summary>
/// Scraped text whose tables lost their layout (Wild/README.md): Aemetis's copy has each table flattened onto one
/// line, Paltalk's one table cell per line. Whole files give the wild corpus truth; the rules are shown on their rows.
/// </summary>
public class ScrapedTextTests
{
    private static Filing Parse(string file) =>
        ImportPipeline.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Wild", file))).Filing!;

    private static Statement Kind(Filing f, StatementKind kind) => f.Statements.First(s => s.Kind == kind);

    private static decimal?[] Row(Statement s, string label) => s.Rows.First(r => r.Label == label).Values;

    private static (DateOnly, int)[] Columns(Statement s) => [.. s.Columns.Select(c => (c.End, c.Months))];

    [Fact]
    public void Aemetis_tables_flattened_onto_one_line_give_the_truth()
    {
        var f = Parse("aemetis-2024q4-newmediawire.md");

        var ops = Kind(f, StatementKind.Operations);
        Columns(ops).Should().Equal((new DateOnly(2024, 12, 31), 3), (new DateOnly(2023, 12, 31), 3), (new DateOnly(2024, 12, 31), 12), (new DateOnly(2023, 12, 31), 12));
        Row(ops, "Revenues").Should().Equal(47004m, 70764m, 267640m, 186717m);
        Row(ops, "Net loss").Should().Equal(-16197m, -25442m, -87537m, -46420m);
        ops.Rows.First(r => r.Label.EndsWith("Diluted", StringComparison.Ordinal) && r.Unit == RowUnit.UsdPerShare).Values.Should().Equal(-0.36m, -0.64m, -1.91m, -1.22m);
        ops.Rows[0].Scale.Should().Be(1000);

        var bs = Kind(f, StatementKind.BalanceSheet);
        bs.Columns.Select(c => c.End).Should().Equal(new DateOnly(2024, 12, 31), new DateOnly(2023, 12, 31));
        Row(bs, "Total assets").Should().Equal(259302m, 243406m);
        (f.Period!.FiscalYear, f.Period.FiscalQuarter).Should().Be((2024, 4));
    }

    [Fact]
    public void Paltalk_tables_of_one_cell_per_line_give_the_truth()
    {
        var f = Parse("paltalk-2024q3-newmediawire.md");

        var ops = Kind(f, StatementKind.Operations);
        Columns(ops).Should().Equal((new DateOnly(2024, 9, 30), 3), (new DateOnly(2023, 9, 30), 3), (new DateOnly(2024, 9, 30), 9), (new DateOnly(2023, 9, 30), 9));
        Row(ops, "Total revenues").Should().Equal(2121234m, 2767939m, 6943589m, 8287958m);
        Row(ops, "Net loss").Should().Equal(-1509250m, -181576m, -2935708m, -784245m);
        ops.Rows.First(r => r.Label.EndsWith("Diluted", StringComparison.Ordinal) && r.Unit == RowUnit.UsdPerShare).Values.Should().Equal(-0.16m, -0.02m, -0.32m, -0.09m);

        var bs = f.Statements.First(s => s.Kind == StatementKind.BalanceSheet && s.Rows.Any(r => r.Label == "Total assets"));
        bs.Columns.Select(c => c.End).Should().Equal(new DateOnly(2024, 9, 30), new DateOnly(2023, 12, 31));
        Row(bs, "Total assets").Should().Equal(21676801m, 23887268m);
        (f.Period!.FiscalYear, f.Period.FiscalQuarter).Should().Be((2024, 3));
    }

    private static IReadOnlyList<SourceBlock> Rebuild(params string[] lines) => ScrapedTables.Rebuild([new ProseBlock(lines)]);

    private static IReadOnlyList<IReadOnlyList<string>> TableOf(IReadOnlyList<SourceBlock> blocks) => blocks.OfType<TableBlock>().Single().Rows;

    [Fact]
    public void A_flattened_table_is_a_header_and_rows_of_as_many_numbers_as_the_header_has_years()
    {
        // Aemetis's balance sheet, as scraped: "$" apart from its number, a number glued to the next label, a
        // heading glued to its label by a colon, one date over two years, no-break spaces for padding.
        var blocks = Rebuild(
            " AEMETIS, INC.CONSOLIDATED CONDENSED BALANCE SHEETS(In thousands)",
            "",
            " December 31,2024 2023 Assets Current assets: Cash and cash equivalents $\u00A0\u00A0\u00A0 898  $\u00A0\u00A0 2,667Accounts receivable\u00A0\u00A0 1,805\u00A0\u00A0 8,633Inventories\u00A0 25,442\u00A0 18,291Tax credit sale receivable 12,300 -  Prepaid and other current assets 4,251 6,809 Total current assets 44,696 36,400",
            "");

        blocks.Should().HaveCount(3);
        ((ProseBlock)blocks[0]).Lines.Should().Equal(" AEMETIS, INC.CONSOLIDATED CONDENSED BALANCE SHEETS(In thousands)", "");
        TableOf(blocks).Should().BeEquivalentTo(new[]
        {
            new[] { "", "December 31,", "December 31," },
            new[] { "", "2024", "2023" },
            new[] { "Assets Current assets:" },
            new[] { "Cash and cash equivalents", "$898", "$2,667" },
            new[] { "Accounts receivable", "1,805", "8,633" },
            new[] { "Inventories", "25,442", "18,291" },
            new[] { "Tax credit sale receivable", "12,300", "-" },
            new[] { "Prepaid and other current assets", "4,251", "6,809" },
            new[] { "Total current assets", "44,696", "36,400" },
        }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_flattened_line_whose_rows_do_not_fit_its_header_stays_prose()
    {
        // Paltalk's metrics: two years in the header, four numbers a row (a change in dollars and in percent).
        var line = "    Three Months Ended            September 30,       (unaudited)   Change    2024   2023   $   %  Subscription revenue $2,033   $2,673   (640 ) -23.9%  Advertising revenue 88   95   (7 ) -7.1%  Total revenues 2,121   2,768   (647 ) -23.4%";

        Rebuild(line).Should().ContainSingle().Which.Should().BeOfType<ProseBlock>();
    }

    [Fact]
    public void A_table_of_one_cell_per_line_joins_dollar_signs_and_closing_parentheses()
    {
        // Paltalk's reconciliation, as scraped: each cell a paragraph, "$" and ")" cells of their own.
        string[] cells = [" PALTALK, INC.", "RECONCILIATION OF GAAP TO NON-GAAP RESULTS", "Three Months Ended", "Nine Months Ended", "September 30,(unaudited)", "September 30,(unaudited)",
            "2024", "2023", "2024", "2023", " Reconciliation of net loss to Adjusted EBITDA:", " Net loss", "$", "(1,509,250", ")", "$", "(181,576)", "$", "(2,935,708", ")", "$", "(784,245", ")",
            " Interest income, net", "(157,517", ")", "(169,925", ")", "(453,732", ")", "(462,433", ")",
            "For more information, please visit the company's investor relations website, where the release and its tables are posted with the reports the company files with the SEC."];
        var blocks = Rebuild([.. cells.SelectMany(c => new[] { c, "" })]);

        ((ProseBlock)blocks[0]).Lines.Where(l => l.Length > 0).Should().Equal(" PALTALK, INC.", "RECONCILIATION OF GAAP TO NON-GAAP RESULTS");
        TableOf(blocks).Should().BeEquivalentTo(new[]
        {
            new[] { "", "Three Months Ended", "Three Months Ended", "Nine Months Ended", "Nine Months Ended" },
            new[] { "", "September 30,(unaudited)", "September 30,(unaudited)", "September 30,(unaudited)", "September 30,(unaudited)" },
            new[] { "", "2024", "2023", "2024", "2023" },
            new[] { "Reconciliation of net loss to Adjusted EBITDA:" },
            new[] { "Net loss", "$(1,509,250)", "$(181,576)", "$(2,935,708)", "$(784,245)" },
            new[] { "Interest income, net", "(157,517)", "(169,925)", "(453,732)", "(462,433)" },
        }, o => o.WithStrictOrdering());
        ((ProseBlock)blocks[2]).Lines.Should().Contain(l => l.StartsWith("For more information", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fixed_width_table_is_left_to_the_text_table_reader()
    {
        var block = new ProseBlock(["                      Three Months Ended", "                       2024      2023", "Revenues              1,200     1,100", "Cost of revenues        500       450", "Gross profit            700       650"]);

        ScrapedTables.Rebuild([block]).Should().ContainSingle().Which.Should().BeSameAs(block);
    }

    [Fact]
    public void Years_printed_one_per_line_with_no_rows_of_numbers_after_them_stay_prose()
    {
        var text = string.Join("\n", Enumerable.Repeat("2024\n2023\nRevenue grew.\n", 50));

        var f = ImportPipeline.Parse(Encoding.UTF8.GetBytes(text)).Filing!;

        f.Text.Should().Be(text);
    }
}
