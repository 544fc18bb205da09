using System.Globalization;
using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

/// <summary>
/// Rows copied from Dow Jones Newswires copies of real releases (../shared/wild): fixed-width statements whose labels
/// wrap over lines with a one-space hanging indent, titled with words that name no statement.
/// </summary>
public class WildFixedWidthTests
{
    private static Filing Parse(string name) => ImportPipeline.ParseText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Wild", name)));

    private static string Col(StatementColumn c) => $"{c.Months}M {c.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static StatementRow Row(Statement s, string label) => s.Rows.Single(r => r.Label == label);

    [Fact]
    public void An_operating_summary_is_the_income_statement_and_a_financial_position_summary_the_balance_sheet()
    {
        var f = Parse("arrowhead-summaries.md");
        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);
        ops.Columns.Select(Col).Should().Equal("3M 2024-12-31", "3M 2023-12-31");
        Row(ops, "Revenue").Values.Should().Equal(2500m, 3551m);
        Row(ops, "Net loss attributable to Arrowhead Pharmaceuticals, Inc").Values.Should().Equal(-173085m, -132864m);

        // Four lines, each after the first one space in: "Net loss per share" / " attributable to Arrowhead" /
        // " Pharmaceuticals, Inc. -" (a hyphen, not a dash for zero) / " Diluted  $ (1.39)".
        var eps = Row(ops, "Net loss per share attributable to Arrowhead Pharmaceuticals, Inc. - Diluted");
        eps.Values.Should().Equal(-1.39m, -1.24m);
        eps.Concept.Should().Be("EarningsPerShareDiluted");

        // Its rows, not its title, make it the balance sheet: so its columns are dates, not the quarters above.
        var balance = f.Statements.Single(s => s.Kind == StatementKind.BalanceSheet);
        balance.Columns.Select(Col).Should().Equal("0M 2024-12-31", "0M 2024-09-30");
        Row(balance, "Total Assets").Values.Should().Equal(1013694m, 1139802m);
        f.Diagnostics.Where(d => d.Code == "kind-from-rows").Should().HaveCount(2, "neither title names a statement");
    }

    [Fact]
    public void A_result_per_share_under_a_diluted_heading_is_shown_with_the_heading()
    {
        var f = Parse("ryder-earnings.md");
        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);
        ops.Columns.Select(Col).Should().Equal("3M 2024-12-31", "3M 2023-12-31", "12M 2024-12-31", "12M 2023-12-31");
        Row(ops, "Net earnings").Values.Should().Equal(135m, 124m, 489m, 406m);
        Row(ops, "Net earnings").Unit.Should().Be(RowUnit.Usd);

        // "Earnings (loss) per common" over "share -- Diluted" is one heading; the "Net earnings" under it is per share.
        var eps = Row(ops, "Earnings (loss) per common share -- Diluted: Net earnings");
        eps.Values.Should().Equal(3.12m, 2.72m, 11.06m, 8.73m);
        eps.Unit.Should().Be(RowUnit.UsdPerShare);
        eps.Section.Should().Be("Earnings (loss) per common share -- Diluted");
        eps.Concept.Should().Be("EarningsPerShareDiluted");
        Row(ops, "Earnings (loss) per common share -- Diluted: Continuing operations").Concept.Should().Be("IncomeLossFromContinuingOperationsPerDilutedShare");

        // The section ends with its result: the reconciliation below it is not under "Diluted".
        Row(ops, "Diluted EPS from continuing operations").Section.Should().BeNull();
    }

    [Fact]
    public void A_header_stacked_month_over_day_over_year_is_read_column_by_column_and_an_unlabelled_total_is_named()
    {
        var f = Parse("lattice-statements.md");
        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);

        // "Three Months Ended" and "Year Ended" span their columns; "December" / "28," / "2024" stack under each.
        ops.Columns.Select(Col).Should().Equal("3M 2024-12-28", "3M 2024-09-28", "3M 2023-12-30", "12M 2024-12-28", "12M 2023-12-30");
        Row(ops, "Revenue").Values.Should().Equal(117419m, 127091m, 170596m, 509401m, 737154m);
        Row(ops, "Net income").Values.Should().Equal(16514m, 7190m, 98706m, 61131m, 259061m);

        var balance = f.Statements.Single(s => s.Kind == StatementKind.BalanceSheet);
        balance.Columns.Select(Col).Should().Equal("0M 2024-12-28", "0M 2023-12-30");
        var assets = Row(balance, "Total assets");
        assets.Values.Should().Equal(843903m, 840894m);
        assets.LabelDerived.Should().BeTrue("the release prints \"$ 843,903 $ 840,894\" with no label under the asset lines");
    }

    [Theory]
    [InlineData("operations", StatementKind.Operations)]
    [InlineData("balance_sheet", StatementKind.BalanceSheet)]
    [InlineData("supplemental", StatementKind.Supplemental)]
    public void A_kind_key_reads_back(string key, StatementKind kind) => StatementKinds.FromKey(key).Should().Be(kind);

    [Fact]
    public void An_unknown_kind_key_is_refused() => FluentActions.Invoking(() => StatementKinds.FromKey("income")).Should().Throw<FormatException>();
}
