using System.Globalization;
using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

/// <summary>Layouts other than the samples': HTML tables cell by cell, fixed-width text with stacked headers.</summary>
public class LayoutTests
{
    private static string Cols(Statement s) => string.Join(" | ", s.Columns.Select(c => $"{c.Months}M {c.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"));

    private const string Html = """
        <html><head><title>x</title><script>document.write("\u001b[2J")</script></head><body>
        <p align="center"><b>WIDGET CORP.</b></p>
        <p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p>
        <p>(in thousands, except per share amounts)</p>
        <table>
        <tr><td></td><td colspan="3" align="center">Three Months Ended March&nbsp;31,</td><td></td><td></td></tr>
        <tr><td></td><td colspan="2">2024</td><td colspan="2">2023</td><td>% change</td></tr>
        <tr><td>Revenues</td><td>$</td><td>1,500</td><td>$</td><td>1,200</td><td>25%</td></tr>
        <tr><td>Operating expenses</td><td></td><td>(1,087</td><td>)</td><td>900</td><td>21%</td></tr>
        <tr><td>Other</td><td></td><td>&#151;</td><td></td><td>&mdash;</td><td>n/m</td></tr>
        <tr><td>Net income</td><td>$</td><td>413</td><td>$</td><td>300</td><td>38%</td></tr>
        </table>
        <p>Contact: someone</p>
        </body></html>
        """;

    [Fact]
    public void Html_tables_are_read_cell_by_cell()
    {
        var f = ImportPipeline.ParseText(Html);
        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);
        Cols(ops).Should().Be("3M 2024-03-31 | 3M 2023-03-31", "the % change column is not a period");
        ops.Rows.Select(r => r.Label).Should().Equal("Revenues", "Operating expenses", "Other", "Net income");
        ops.Rows[0].Values.Should().Equal(1500m, 1200m);
        ops.Rows[1].Values.Should().Equal(-1087m, 900m);
        ops.Rows[2].Values.Should().Equal(0m, 0m);
        ops.Rows[3].Values.Should().Equal(413m, 300m);
        ops.Rows[0].Scale.Should().Be(1000);
        f.Text.Should().NotContain("document.write").And.NotContain("\u001b");
        f.Source.Should().Be(Html);
    }

    [Fact]
    public void Fixed_width_columns_with_headers_stacked_over_four_lines()
    {
        const string text = """
            ACME CORP.
            CONSOLIDATED STATEMENTS OF OPERATIONS
            (In thousands, except per share data)

                                            13 Weeks       13 Weeks      26 Weeks       26 Weeks
                                              Ended          Ended         Ended          Ended
                                             July 3,       June 28,       July 3,       June 28,
                                              2004           2003          2004           2003
                                           ---------      ---------     ---------      ---------
            Net sales                       $ 120,500      $ 110,250     $ 240,100      $ 215,000
            Cost of sales                      70,000         65,000       140,000        130,000
                                           ---------      ---------     ---------      ---------
            Gross profit                       50,500         45,250       100,100         85,000
            """;
        var ops = ImportPipeline.ParseText(text).Statements.Single();
        Cols(ops).Should().Be("3M 2004-07-03 | 3M 2003-06-28 | 6M 2004-07-03 | 6M 2003-06-28");
        ops.Rows.Select(r => r.Values[3]).Should().Equal(215000m, 130000m, 85000m);
    }

    [Fact]
    public void Amounts_in_millions_with_shares_in_thousands_scale_per_row()
    {
        const string text = """
            BIG CO.
            CONSOLIDATED STATEMENTS OF OPERATIONS
            (In millions, except number of shares, which are reflected in thousands, and per share amounts)

                                          Three Months Ended
                                        March 31,     March 31,
                                          2024          2023
            Revenues                      $ 5,000       $ 4,000
            Net income                    $ 1,000       $   800
            Earnings per share:
              Basic                       $  2.00       $  1.60
            Shares used in computing earnings per share:
              Basic                         500,000       500,000
            """;
        var ops = ImportPipeline.ParseText(text).Statements.Single();
        ops.Rows.Select(r => (r.Unit, r.Scale)).Should().Equal((RowUnit.Usd, 1_000_000), (RowUnit.Usd, 1_000_000), (RowUnit.UsdPerShare, 1), (RowUnit.Shares, 1000));
    }

    [Fact]
    public void A_label_wrapped_over_two_lines_is_one_row_and_a_heading_over_its_items_is_not()
    {
        const string text = """
            ACME CORP.
            CONDENSED CONSOLIDATED BALANCE SHEETS
            (In thousands)

                                                            December 31,    September 30,
                                                                2023            2023
            Current assets:
              Cash and cash equivalents                      $  10,000       $   8,000
              Accounts receivable, net of allowance for
                doubtful accounts of $100 and $90                2,000           1,500
                Total current assets                            12,000           9,500
            Property and equipment
              Land                                               1,000           1,000
              Buildings                                          2,000           2,100
                Total assets                                 $  15,000       $  12,600

            Current liabilities:
              Accounts payable and accrued
                liabilities                                  $   4,000       $   3,600
                Total current liabilities                        4,000           3,600
            Stockholders' equity                                11,000           9,000
                Total liabilities and stockholders' equity   $  15,000       $  12,600
            """;
        var f = ImportPipeline.ParseText(text);
        var bs = f.Statements.Single();
        bs.Rows.Select(r => r.Label).Should().Equal(
            "Cash and cash equivalents", "Accounts receivable, net of allowance for doubtful accounts of $100 and $90", "Total current assets",
            "Land", "Buildings", "Total assets",
            "Accounts payable and accrued liabilities", "Total current liabilities", "Stockholders' equity", "Total liabilities and stockholders' equity");
        bs.Rows[6].Values.Should().Equal(4000m, 3600m);
        f.Diagnostics.Should().NotContain(d => d.Code == "check-failed", "a total equal to its one part is no failure");
    }

    [Fact]
    public void A_percent_change_column_in_a_text_table_is_read_and_left_out()
    {
        const string text = "WIDGET INC.\nCONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands, except per share data)\n\n"
            + "\tThree Months Ended December 31,\t\n"
            + "\t2023\t2022\t% Change\n"
            + "Revenues\t$ 12,000\t$ 10,000\t20%\n"
            + "Cost of revenues\t7,000\t6,000\t17%\n"
            + "Gross profit\t5,000\t4,000\t25%\n"
            + "Other income\t500\t—\tn/m\n"
            + "Net income\t$ 5,500\t$ 4,000\t38%\n";
        var f = ImportPipeline.ParseText(text);
        var ops = f.Statements.Single();
        Cols(ops).Should().Be("3M 2023-12-31 | 3M 2022-12-31");
        ops.Rows.Select(r => r.Label).Should().Equal("Revenues", "Cost of revenues", "Gross profit", "Other income", "Net income");
        ops.Rows[0].Values.Should().Equal(12000m, 10000m);
        ops.Rows[3].Values.Should().Equal(500m, 0m); // "n/m" is a blank under the change, not a word that makes the line prose
        f.Diagnostics.Should().Contain(d => d.Code == "change-columns" && d.Message.Contains("column 3 of 3"));
        f.Diagnostics.Should().NotContain(d => d.Severity >= Severity.Warning && d.Code != "fiscal-year-end");
    }

    [Fact]
    public void A_column_of_percentages_is_left_out_even_when_the_header_does_not_name_it()
    {
        const string text = """
            ACME CORP.
            CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
            (In thousands)

                                           Three Months Ended June 30,
                                          2024               2023
            Revenues                 $ 8,000    100.0%   $ 6,000    100.0%
            Cost of sales              5,000     62.5%     4,000     66.7%
            Gross profit               3,000     37.5%     2,000     33.3%
            """;
        var f = ImportPipeline.ParseText(text);
        var ops = f.Statements.Single();
        Cols(ops).Should().Be("3M 2024-06-30 | 3M 2023-06-30");
        ops.Rows.Select(r => r.Values).Should().BeEquivalentTo(new[] { new decimal?[] { 8000m, 6000m }, [5000m, 4000m], [3000m, 2000m] }, o => o.WithStrictOrdering());
    }
}

public class SectionUnitTests
{
    [Theory]
    [InlineData("Assuming dilution", "EPS:", RowUnit.UsdPerShare)]
    [InlineData("Assuming dilution", "Net income per share:", RowUnit.UsdPerShare)]
    [InlineData("Basic", "Weighted average shares outstanding:", RowUnit.Shares)]
    [InlineData("Basic", "Shares used in computing earnings per share:", RowUnit.Shares)]
    public void A_bare_basic_or_diluted_takes_its_unit_from_the_section_heading(string label, string section, RowUnit unit) =>
        FilingTui.Core.Tables.Concepts.UnitFromSection(label, section).Should().Be(unit);

    [Fact]
    public void Other_labels_keep_the_unit_their_own_words_give() =>
        FilingTui.Core.Tables.Concepts.UnitFromSection("Net income", "Shares used in computing earnings per share").Should().BeNull();
}

public class SubmissionFormTests
{
    [Fact]
    public void A_tagged_nc_header_fills_the_cover_and_a_truncated_document_is_still_read()
    {
        const string nc = """
            <SUBMISSION>
            <ACCESSION-NUMBER>0000950123-09-000001
            <TYPE>8-K
            <PERIOD>20090131
            <ITEMS>2.02
            <FILING-DATE>20090205
            <FILER>
            <COMPANY-DATA>
            <CONFORMED-NAME>GADGET WORKS INC
            <CIK>0000123456
            <STATE-OF-INCORPORATION>DE
            <FISCAL-YEAR-END>0630
            </COMPANY-DATA>
            <BUSINESS-ADDRESS>
            <STREET1>1 MAIN ST
            <CITY>SPRINGFIELD
            <STATE>IL
            <ZIP>62701
            <PHONE>2175550100
            </BUSINESS-ADDRESS>
            </FILER>
            </SUBMISSION>
            <DOCUMENT>
            <TYPE>EX-99.1
            <SEQUENCE>2
            <TEXT>
            Gadget Works Reports Second Quarter Results

            SPRINGFIELD, Ill., February 5, 2009 -- Gadget Works Inc. (NYSE: GWI) today reported results for the quarter ended January 31, 2009.
            """;
        var f = ImportPipeline.ParseText(nc);
        f.AccessionNumber.Should().Be("0000950123-09-000001");
        f.FiledDate.Should().Be(new DateOnly(2009, 2, 5));
        f.Company.Cik.Should().Be("0000123456");
        f.Company.FiscalYearEndMonth.Should().Be(6);
        f.Company.Phone.Should().Be("(217) 555-0100");
        f.Company.Address.Should().Be("1 MAIN ST, SPRINGFIELD, IL 62701");
        f.Period!.FiscalLabel.Should().Be("Q3 FY2009", "January is in the third quarter of a year ending in June");
        f.Release!.Title.Should().Be("Gadget Works Reports Second Quarter Results");
        f.Diagnostics.Should().Contain(d => d.Code == "fiscal-period", "the title says second quarter while the header's year end makes it the third");
    }
}
