using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

/// <summary>Rows that leave cells blank: each value goes under the column it is printed under, not filled from the left.</summary>
public class BlankCellTests
{
    private static StatementRow Row(Statement s, string label) => s.Rows.Single(r => r.Label == label);

    [Fact]
    public void Fixed_width_rows_with_blank_cells_keep_their_values_under_their_columns()
    {
        const string text = """
            ACME CORP.
            CONSOLIDATED STATEMENTS OF OPERATIONS
            (In thousands)

                                             Three Months Ended          Six Months Ended
                                                  June 30,                   June 30,
                                              2004         2003          2004          2003
                                          ---------    ---------     ---------     ---------
            Revenues                      $ 120,500    $ 110,250     $ 240,100     $ 215,000
            Cost of sales                    70,000       65,000       140,000       130,000
            Restructuring charge                           2,000                       4,000
            Gain on sale of land              1,500                      1,500
                                          ---------    ---------     ---------     ---------
            Gross profit                     52,000       43,250       101,600        81,000
            """;
        var f = ImportPipeline.ParseText(text);
        var ops = f.Statements.Single();
        Row(ops, "Restructuring charge").Values.Should().Equal(null, 2000m, null, 4000m);
        Row(ops, "Restructuring charge").RawValues.Should().Equal(null, "2,000", null, "4,000");
        Row(ops, "Gain on sale of land").Values.Should().Equal(1500m, null, 1500m, null);
        f.Diagnostics.Should().NotContain(d => d.Code == "row-values");
        f.Diagnostics.Should().Contain(d => d.Code == "row-placed" && d.Severity == Severity.Info && d.Message.Contains("columns 2, 4"));
        f.Diagnostics.Should().NotContain(d => d.Code == "junk-row", "a rule under the header or above a total is layout, not a dropped row");
    }

    [Fact]
    public void Negatives_whose_closing_parenthesis_stands_a_space_apart_still_measure_where_columns_end()
    {
        // "(407 )": the ")" is no value, so it is no position either; else the full rows misplace every column.
        const string text = """
            ACME CORP.
            CONSOLIDATED STATEMENTS OF OPERATIONS
            (in thousands)
                                                Year Ended December 31,
                                              2006        2005        2004
            Revenue                          1,000         900         800
            Operating loss                    (407 )      (750 )      (100 )
            Interest expense                   (10 )       (20 )       (30 )
            Other income                        57                      20
            Net loss                          (360 )      (770 )      (110 )
            """;
        var f = ImportPipeline.ParseText(text);
        var ops = f.Statements.Single();
        Row(ops, "Other income").Values.Should().Equal(57m, null, 20m);
        Row(ops, "Operating loss").Values.Should().Equal(-407m, -750m, -100m);
        f.Diagnostics.Should().NotContain(d => d.Code == "row-values" || d.Code == "check-failed");
    }

    [Fact]
    public void Tab_separated_rows_keep_an_empty_field_as_a_blank_cell()
    {
        // The samples' rendering: a "$" in a field of its own, and a field left empty where the cell is blank.
        const string text = "WIDGET INC.\nCONDENSED CONSOLIDATED BALANCE SHEETS\n(in thousands)\n\n"
            + "\tDecember 31, 2009\t\tDecember 31, 2008\n"
            + "Cash and cash equivalents\t$\t10,000\t$\t8,000\n"
            + "Accounts receivable\t\t2,000\t\t1,500\n"
            + "Assets held for sale\t\t\t\t700\n"
            + "Total assets\t$\t12,000\t$\t10,200\n";
        var f = ImportPipeline.ParseText(text);
        var bs = f.Statements.Single(s => s.Kind == StatementKind.BalanceSheet);
        Row(bs, "Assets held for sale").Values.Should().Equal(null, 700m);
        f.Diagnostics.Should().NotContain(d => d.Code == "row-values");
        f.Diagnostics.Should().NotContain(d => d.Code == "check-failed", "the total adds up with the value in its own column");
    }

    [Fact]
    public void Html_rows_with_blank_cells_keep_their_columns()
    {
        const string html = """
            <html><body>
            <p>GIZMO CORP.</p>
            <p>RECONCILIATION OF GAAP TO NON-GAAP NET INCOME</p>
            <p>(in millions, except per share amounts)</p>
            <table>
            <tr><td></td><td colspan="6">Three Months Ended March 31, 2024</td></tr>
            <tr><td></td><td colspan="2">GAAP</td><td colspan="2">Adjustments</td><td colspan="2">Non-GAAP</td></tr>
            <tr><td>Operating income</td><td>$</td><td>100</td><td></td><td>20</td><td>$</td><td>120</td></tr>
            <tr><td>Net income</td><td>$</td><td>80</td><td></td><td>15</td><td>$</td><td>95</td></tr>
            <tr><td>Diluted shares</td><td></td><td>50</td><td></td><td></td><td></td><td>50</td></tr>
            </table>
            </body></html>
            """;
        var f = ImportPipeline.ParseText(html);
        var table = f.Statements.Single(s => s.Rows.Any(r => r.Label == "Diluted shares"));
        table.Title.Should().Be("RECONCILIATION OF GAAP TO NON-GAAP NET INCOME", "the heading above the units line names the table");
        table.Columns.Select(c => $"{c.Label} {c.End:yyyy-MM-dd} {c.Months}M").Should().Equal(
            "GAAP 2024-03-31 3M", "Adjustments 2024-03-31 3M", "Non-GAAP 2024-03-31 3M");
        Row(table, "Net income").Values.Should().Equal(80m, 15m, 95m);
        Row(table, "Diluted shares").Values.Should().Equal(50m, null, 50m);
        f.Diagnostics.Should().NotContain(d => d.Code == "row-values");
    }

    [Fact]
    public void A_value_between_two_columns_is_not_guessed_by_position()
    {
        const string text = """
            ACME CORP.
            CONSOLIDATED STATEMENTS OF OPERATIONS
            (In thousands)

                                              Three Months Ended June 30,
                                              2004         2003
            Revenues                      $ 120,500    $ 110,250
            Cost of sales                    70,000       65,000
            Restructuring charge                   2,000
            Gross profit                     50,500       45,250
            """;
        var f = ImportPipeline.ParseText(text);
        var ops = f.Statements.Single();
        Row(ops, "Restructuring charge").Values.Should().Equal(2000m, null);
        f.Diagnostics.Should().Contain(d => d.Code == "row-values" && d.Severity == Severity.Warning && d.Message.Contains("Restructuring charge"));
    }
}
