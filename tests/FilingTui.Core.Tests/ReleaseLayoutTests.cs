using System.Globalization;
using FilingTui.Core.Import;
using FilingTui.Core.Model;
using FilingTui.Core.Tables;

namespace FilingTui.Core.Tests;

/// <summary>Releases of other companies, in layouts the samples lack (Layouts/README.md says what each exercises).</summary>
public class ReleaseLayoutTests
{
    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Layouts", name));

    private static Filing Parse(string name) => ImportPipeline.ParseText(Read(name));

    private static string Col(StatementColumn c) => $"{c.Months}M {c.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static StatementRow Row(Statement s, string label) => s.Rows.Single(r => r.Label == label);

    private static IEnumerable<Diagnostic> Warnings(Filing f) => f.Diagnostics.Where(d => d.Severity != Severity.Info);

    [Fact]
    public void Griffin_negatives_split_over_cells_footnote_cells_and_a_label_over_three_lines()
    {
        var f = Parse("griffin-2006q3.txt");
        Warnings(f).Should().BeEmpty();
        f.Period!.End.Should().Be(new DateOnly(2006, 9, 2));
        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);
        ops.Columns.Select(Col).Should().Equal("3M 2006-09-02", "3M 2005-08-27", "9M 2006-09-02", "9M 2005-08-27");

        Row(ops, "Rental revenue and property sales").Values.Should().Equal(12593m, 3350m, 18513m, 9748m);
        Row(ops, "Real estate business").Values.Should().Equal(6776m, 390m, 6612m, 1027m);
        Row(ops, "Landscape nursery business").Values.Should().Equal(-1572m, -1428m, -1986m, -1415m);
        Row(ops, "Net income (loss)").Values.Should().Equal(2599m, 716m, 764m, -351m);
        Row(ops, "Diluted net income (loss) per common share").Values.Should().Equal(0.49m, 0.14m, 0.15m, -0.07m);
        Row(ops, "Interest expense, net of income from interest, dividends, gains on short-term investments and other investment income")
            .Values.Should().Equal(-148m, -375m, -688m, -893m);

        var shares = Row(ops, "Weighted average common shares outstanding for computation of basic per share results");
        shares.Unit.Should().Be(RowUnit.Shares, "a share count that names what it is used for is still a count");
        shares.Values.Should().Equal(5099m, 4991m, 5072m, 4974m);
        ops.Rows.Select(r => r.Label).Should().NotContain(l => l.StartsWith("dividends", StringComparison.Ordinal) || l.StartsWith("for computation", StringComparison.Ordinal));
        f.Diagnostics.Where(d => d.Code == "footnote-marker").Select(d => d.Line).Should().Equal(16, 20);
    }

    [Fact]
    public void A_row_that_fits_its_columns_keeps_a_value_of_minus_one()
    {
        var text = Read("griffin-2006q3.txt").Replace("Gain on sale of Shemin Acquisition Corporation\t-\t3,235\t-\t3,235", "Gain on sale of Shemin Acquisition Corporation\t(1)\t3,235\t(1)\t3,235", StringComparison.Ordinal);
        var ops = ImportPipeline.ParseText(text).Statements.Single(s => s.Kind == StatementKind.Operations);
        Row(ops, "Gain on sale of Shemin Acquisition Corporation").Values.Should().Equal(-1m, 3235m, -1m, 3235m);
    }

    [Fact]
    public void Innovex_two_period_blocks_stacked_in_one_statement()
    {
        var f = Parse("innovex-2005q4.txt");
        Warnings(f).Should().BeEmpty();
        f.Period!.FiscalLabel.Should().Be("Q4 FY2005");
        var ops = f.Statements.Where(s => s.Kind == StatementKind.Operations).ToList();
        ops.Select(s => string.Join(" | ", s.Columns.Select(Col))).Should().Equal("3M 2005-09-30 | 3M 2004-09-30", "12M 2005-09-30 | 12M 2004-09-30");
        Row(ops[0], "Net income (loss)").Values.Should().Equal(-7353m, -2350m);
        Row(ops[1], "Income (loss) before income taxes").Values.Should().Equal(-12127m, -21548m);
        Row(ops[1], "Diluted").Unit.Should().Be(RowUnit.UsdPerShare);
        Row(ops[1], "Diluted").Values.Should().Equal(-1.30m, -0.92m);
        Row(ops[0], "Basic shares").Unit.Should().Be(RowUnit.Shares);
        Row(ops[0], "Basic shares").Scale.Should().Be(1000);
        var balance = f.Statements.Single(s => s.Kind == StatementKind.BalanceSheet);
        balance.Columns.Select(Col).Should().Equal("0M 2005-09-30", "0M 2004-09-30");
        Row(balance, "Total assets").Values.Should().Equal(129790m, 127020m);
    }

    [Fact]
    public void Avista_headers_that_name_quarters_over_bare_years_take_the_day_from_the_release()
    {
        var f = Parse("avista-2006q3.txt");
        Warnings(f).Should().BeEmpty();
        f.Release!.Date.Should().Be(new DateOnly(2006, 11, 1), "the dateline \"SPOKANE, Wash. - Nov. 1, 2006:\" dates the release");
        f.Company.Name.Should().Be("Avista Corp.", "the dateline's colon ends it");
        f.Period!.End.Should().Be(new DateOnly(2006, 9, 30), "the release names only \"the nine months ended Sept. 30, 2006\"");

        var highlights = f.Statements.Single(s => s.Kind == StatementKind.Supplemental);
        highlights.Columns.Select(Col).Should().Equal("3M 2006-09-30", "3M 2005-09-30", "9M 2006-09-30", "9M 2005-09-30");
        highlights.Rows.Where(r => r.Label == "Energy Marketing and Resource Mgmt").Select(r => r.Values).Should().BeEquivalentTo(
            new[] { new decimal?[] { 3602m, -16893m, 9880m, -23186m }, [0.07m, -0.35m, 0.20m, -0.48m] }, o => o.WithStrictOrdering());
        highlights.Rows.Where(r => r.Section?.StartsWith("Contribution to earnings per diluted share", StringComparison.Ordinal) == true)
            .Select(r => r.Unit).Should().OnlyContain(u => u == RowUnit.UsdPerShare);

        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);
        ops.Columns.Select(Col).Should().Equal("3M 2006-09-30", "3M 2005-09-30", "9M 2006-09-30", "9M 2005-09-30");
        Row(ops, "Weighted-average common shares outstanding (thousands), basic").Unit.Should().Be(RowUnit.Shares);
        Row(ops, "Earnings (loss) per common share, diluted").Values.Should().Equal(0.20m, -0.19m, 1.11m, 0.40m);
        Row(ops, "Operating revenues").Concept.Should().Be("Revenues");
        f.Diagnostics.Where(d => d.Code == "columns").Should().HaveCount(2).And.OnlyContain(d => d.Message.Contains("September 30", StringComparison.Ordinal));
    }

    [Fact]
    public void Avista_a_figure_that_does_not_add_up_is_reported_and_interest_printed_positive_is_subtracted()
    {
        // Unchanged, the filing passes every check (the other test): "Interest expense  26,218" is subtracted.
        var text = Read("avista-2006q3.txt").Replace("Net income (loss)                    $  10,073", "Net income (loss)                    $  10,173", StringComparison.Ordinal);
        var f = ImportPipeline.ParseText(text);
        var failed = f.Diagnostics.Where(d => d.Code == "check-failed").Select(d => d.Message).ToList();
        failed.Should().ContainSingle().Which.Should().Contain("net result = pre-tax result - tax").And.Contain("printed 10,173, parts give 10,073");
    }

    [Fact]
    public void Whole_dollars_with_unlabeled_subtotals_and_a_result_between_pre_tax_and_net()
    {
        var f = Parse("wholedollars-2009q4.txt");
        Warnings(f).Should().BeEmpty("every step from operating result to net result adds up");
        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);
        ops.Columns.Select(Col).Should().Equal("12M 2009-02-28", "12M 2008-02-29", "3M 2009-02-28", "3M 2008-02-29");
        Row(ops, "NET SALES").Scale.Should().Be(1);
        Row(ops, "NET (LOSS) INCOME").Values.Should().Equal(-9235000m, 2519000m, -10732000m, 424000m);
        Row(ops, "INCOME (LOSS) BEFORE PROVISION (BENEFIT) FOR INCOME TAXES AND MINORITY INTERESTS").Concept.Should().Be("IncomeLossBeforeIncomeTaxes");
        // Printed without labels, the subtotals are named from the headings over what they sum.
        ops.Rows.Where(r => r.LabelDerived).Select(r => (r.Label, r.Values[0])).Should().Equal(("Total costs and expenses", 757714000m), ("Total other (income) expense", 3041000m));

        // "Basic" and "Diluted" under "WEIGHTED AVERAGE COMMON SHARES OUTSTANDING" (no colon) count shares.
        Row(ops, "Basic").Unit.Should().Be(RowUnit.Shares);
        Row(ops, "Basic").Section.Should().Be("WEIGHTED AVERAGE COMMON SHARES OUTSTANDING");
        Row(ops, "Basic and diluted").Unit.Should().Be(RowUnit.UsdPerShare);
        Row(ops, "Basic and diluted").Values.Should().Equal(-0.51m, 0.14m, -0.59m, 0.02m);
    }

    [Theory]
    [InlineData("NET (LOSS) INCOME\t$\t(9,235,000", "NET (LOSS) INCOME\t$\t(9,335,000", "NET (LOSS) INCOME = INCOME (LOSS) BEFORE MINORITY INTERESTS + the items between does not hold for 12M 2009-02-28: printed -9,335,000, parts give -9,235,000")]
    [InlineData("INCOME (LOSS) BEFORE MINORITY INTERESTS\t(8,964,000", "INCOME (LOSS) BEFORE MINORITY INTERESTS\t(8,864,000", "INCOME (LOSS) BEFORE MINORITY INTERESTS = INCOME (LOSS) BEFORE PROVISION (BENEFIT) FOR INCOME TAXES AND MINORITY INTERESTS + the items between does not hold for 12M 2009-02-28: printed -8,864,000, parts give -8,964,000")]
    [InlineData("Interest expense\t3,141,000", "Interest expense\t3,241,000", "pre-tax result = operating result + other items does not hold for 12M 2009-02-28: printed -9,801,000, parts give -9,901,000")]
    public void Each_step_from_operating_to_net_result_is_checked(string printed, string mistyped, string reported)
    {
        var text = Read("wholedollars-2009q4.txt").Replace(printed, mistyped, StringComparison.Ordinal);
        text.Should().Contain(mistyped);
        var failed = ImportPipeline.ParseText(text).Diagnostics.Where(d => d.Code == "check-failed").Select(d => d.Message).ToList();
        failed.Should().Contain(m => m.Contains(reported, StringComparison.Ordinal));
    }

    [Fact]
    public void Dot_leaders_and_a_balance_sheet_whose_dates_are_stacked_over_their_years()
    {
        const string text = """
            SOLARCO, INC. REPORTS 1996 RESULTS

            SOLARCO, INC. AND SUBSIDIARY
            CONSOLIDATED BALANCE SHEET

                                                     DECEMBER 31,  DECEMBER 29,
                                                         1995          1996
                                                     ------------  ------------
            ASSETS
              Cash............................... $    318,000  $    686,000
              Inventories........................    2,110,000     2,045,000
                  Total current assets...........    2,428,000     2,731,000
            Property and equipment, net. . . . . .     910,000       870,000
                  Total assets................... $  3,338,000  $  3,601,000
            LIABILITIES AND STOCKHOLDERS' EQUITY
              Accounts payable...................  $   712,000  $    801,000
              Stockholders' equity...............    2,626,000     2,800,000
                  Total liabilities and stockholders' equity $ 3,338,000 $ 3,601,000
            """;
        var f = ImportPipeline.ParseText(text);
        var balance = f.Statements.Single(s => s.Kind == StatementKind.BalanceSheet);
        balance.Columns.Select(Col).Should().Equal("0M 1995-12-31", "0M 1996-12-29");
        balance.Rows.Select(r => r.Label).Should().Equal("Cash", "Inventories", "Total current assets", "Property and equipment, net", "Total assets",
            "Accounts payable", "Stockholders' equity", "Total liabilities and stockholders' equity");
        Row(balance, "Total liabilities and stockholders' equity").Values.Should().Equal(3338000m, 3601000m);
        f.Diagnostics.Should().NotContain(d => d.Code == "check-failed");
    }

    [Fact]
    public void Fixed_width_with_footnote_marks_stuck_to_values_and_parentheses_a_space_apart()
    {
        var f = Parse("fixedwidth-2006q3.txt");
        Warnings(f).Should().BeEmpty();
        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);
        ops.Columns.Select(Col).Should().Equal("3M 2006-09-30", "3M 2005-09-30", "9M 2006-09-30", "9M 2005-09-30");
        Row(ops, "Revenue").Values.Should().Equal(12593m, 3350m, 18513m, 9748m);
        Row(ops, "Loss from operations").Values.Should().Equal(-407m, -750m, -487m, -1252m);
        Row(ops, "Interest income").Values.Should().Equal(57m, 50m, 187m, 152m);
        Row(ops, "Net loss per share, basic and diluted").Values.Should().Equal(-0.03m, -0.07m, -0.03m, -0.11m);
        Row(ops, "Shares used in computing net loss per share").Unit.Should().Be(RowUnit.Shares);
    }

    [Theory]
    [InlineData("Interest expense", true)]
    [InlineData("Interest expense, net of income from interest", true)]
    [InlineData("Net other (income) expense", true)]
    [InlineData("Other income (expense), net", false)]
    [InlineData("Interest and other income, net", false)]
    [InlineData("Loss on extinguishment of debt", true)]
    [InlineData("Equity in earnings of affiliates", false)]
    public void Which_labels_name_an_expense(string label, bool expense) => Checks.NamesAnExpense(label).Should().Be(expense);

    [Theory]
    [InlineData("Shares used in computing net loss per share", RowUnit.Shares)]
    [InlineData("Weighted average shares used in computing basic net income per share", RowUnit.Shares)]
    [InlineData("Basic shares", RowUnit.Shares)]
    [InlineData("Diluted weighted average shares", RowUnit.Shares)]
    [InlineData("Net loss per share, basic and diluted", RowUnit.UsdPerShare)]
    [InlineData("Common stock, $.01 par value; 100,000 shares authorized", RowUnit.Usd)]
    public void Units_from_labels(string label, RowUnit unit) => Concepts.UnitOf(label).Should().Be(unit);
}
