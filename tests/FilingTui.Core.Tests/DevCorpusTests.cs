using System.Globalization;
using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

/// <summary>Real EDGAR submissions (DevCorpus/README.md lists the facts expected from each, as printed).</summary>
public class DevCorpusTests
{
    private static Filing Parse(string prefix)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "dev-corpus");
        var file = Directory.GetFiles(dir, prefix + "-*.txt").Single();
        var result = ImportPipeline.Parse(File.ReadAllBytes(file));
        result.Ok.Should().BeTrue(result.Error);
        return result.Filing!;
    }

    private static string Col(StatementColumn c) => $"{c.Months}M {c.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static StatementRow Row(Statement s, string concept) => s.Rows.First(r => r.Concept == concept);

    [Fact]
    public void Apple_Q1_FY2011_from_the_html_exhibit_with_the_fiscal_year_end_from_the_header()
    {
        var f = Parse("apple");
        f.Company.Name.Should().Be("Apple Inc.");
        f.Company.Cik.Should().Be("0000320193");
        f.Company.FiscalYearEndMonth.Should().Be(9);
        f.AccessionNumber.Should().Be("0001193125-11-009392");
        f.FiledDate.Should().Be(new DateOnly(2011, 1, 18));
        f.Form.Should().Be("8-K");
        f.Period!.FiscalLabel.Should().Be("Q1 FY2011");
        f.Period.End.Should().Be(new DateOnly(2010, 12, 25));

        var ops = f.Statements.Single(s => s.Kind == StatementKind.Operations);
        ops.Columns.Select(Col).Should().Equal("3M 2010-12-25", "3M 2009-12-26");
        ops.Columns.Select(c => (c.FiscalYear, c.FiscalQuarter)).Should().Equal((2011, 1), (2010, 1));
        Row(ops, "Revenues").Values.Should().Equal(26741m, 15683m);
        Row(ops, "Revenues").Scale.Should().Be(1_000_000);
        Row(ops, "NetIncomeLoss").Values.Should().Equal(6004m, 3378m);
        Row(ops, "EarningsPerShareBasic").Values.Should().Equal(6.53m, 3.74m);
        Row(ops, "EarningsPerShareDiluted").Values.Should().Equal(6.43m, 3.67m);
        var shares = Row(ops, "WeightedAverageNumberOfSharesOutstandingBasic");
        shares.Values.Should().Equal(919294m, 903542m);
        shares.Unit.Should().Be(RowUnit.Shares);
        shares.Scale.Should().Be(1000, "share amounts are reflected in thousands while amounts are in millions");

        var bs = f.Statements.Single(s => s.Kind == StatementKind.BalanceSheet);
        bs.Columns.Select(Col).Should().Equal("0M 2010-12-25", "0M 2010-09-25");
        Row(bs, "Assets").Values.Should().Equal(86742m, 75183m);

        // The stock-compensation footnote under the statement is a table of its own, not rows of the statement.
        ops.Rows.Should().NotContain(r => r.SourceLine > Row(ops, "WeightedAverageNumberOfDilutedSharesOutstanding").SourceLine);
        f.Diagnostics.Should().NotContain(d => d.Severity >= Severity.Warning, "every identity of Apple's statements holds");
    }

    [Fact]
    public void Oracle_Q4_FY2022_with_percentage_columns_left_out_and_non_gaap_tables_kept_apart()
    {
        var f = Parse("oracle");
        f.Company.Name.Should().Be("Oracle Corporation");
        f.Company.Cik.Should().Be("0001341439");
        f.Company.FiscalYearEndMonth.Should().Be(5);
        f.Period!.FiscalLabel.Should().Be("Q4 FY2022");

        var quarter = f.Statements.First(s => s.Kind == StatementKind.Operations);
        quarter.Columns.Select(Col).Should().Equal("3M 2022-05-31", "3M 2021-05-31");
        Row(quarter, "Revenues").Values.Should().Equal(11840m, 11227m);
        Row(quarter, "Revenues").Scale.Should().Be(1_000_000);
        Row(quarter, "NetIncomeLoss").Values.Should().Equal(3189m, 4033m);
        Row(quarter, "EarningsPerShareDiluted").Values.Should().Equal(1.16m, 1.37m);

        var year = f.Statements.Where(s => s.Kind == StatementKind.Operations).Skip(1).Single();
        year.Columns.Select(Col).Should().Equal("12M 2022-05-31", "12M 2021-05-31");

        var bs = f.Statements.Single(s => s.Kind == StatementKind.BalanceSheet);
        bs.Columns.Select(Col).Should().Equal("0M 2022-05-31", "0M 2021-05-31");
        Row(bs, "Assets").Values.Should().Equal(109297m, 131107m);
        f.Statements.Should().Contain(s => s.Kind == StatementKind.CashFlow);

        // The reconciliations to non-GAAP measures are supplemental: their rows never take GAAP concepts.
        var reconciliation = f.Statements.First(s => s.Columns.Count == 6 && s.Rows.Any(r => r.Label == "TOTAL REVENUES"));
        reconciliation.Kind.Should().Be(StatementKind.Supplemental);

        // Its per-share row leaves the adjustment cells blank: each value stays under its own GAAP or non-GAAP column.
        var eps = reconciliation.Rows.Single(r => r.Label == "DILUTED EARNINGS PER SHARE");
        eps.Values.Should().Equal(1.16m, null, 1.54m, 1.37m, null, 1.54m);
        f.Diagnostics.Should().NotContain(d => d.Code == "row-values" && d.Message.Contains("DILUTED"));
        reconciliation.Title.Should().Be("RECONCILIATION OF SELECTED GAAP MEASURES TO NON-GAAP MEASURES (1)", "the heading, not a footnote of the page above");
        reconciliation.Columns.Select(c => $"{c.Label} {c.End:yyyy}").Should().Equal("2022 GAAP 2022", "Adj. 2022", "2022 Non-GAAP 2022", "2021 GAAP 2021", "Adj. 2021", "2021 Non-GAAP 2021");

        // The stock-based compensation table under it names GAAP, Adj. and Non-GAAP once per quarter of the header.
        var stock = f.Statements.First(s => s.Rows.Any(r => r.Label == "Total stock-based compensation"));
        stock.Columns.Select(c => $"{c.Label} {c.End:yyyy}").Should().Equal("GAAP 2022", "Adj. 2022", "Non-GAAP 2022", "GAAP 2021", "Adj. 2021", "Non-GAAP 2021");
        stock.Rows.Single(r => r.Label == "Total stock-based compensation").Values.Should().Equal(713m, -713m, 0m, 442m, -442m, 0m);
        f.Statements.Where(s => s.Kind == StatementKind.Supplemental).SelectMany(s => s.Rows).Should().OnlyContain(r => r.Concept == null || r.Concept.StartsWith("Supplemental."));
        f.Diagnostics.Should().NotContain(d => d.Code == "check-failed" || d.Code == "narrative-mismatch");
    }

    [Theory]
    [InlineData("southern", "SOUTHERN CO", "0000092122")]
    [InlineData("amazon", "Amazon.com, Inc.", "0001018724")]
    public void Releases_without_a_statement_of_operations_import_as_text_with_a_plain_diagnostic(string prefix, string name, string cik)
    {
        var f = Parse(prefix);
        f.Company.Name.Should().BeEquivalentTo(name);
        f.Company.Cik.Should().Be(cik);
        f.Form.Should().Be("8-K");
        f.Statements.Where(s => s.Kind != StatementKind.Supplemental).Should().BeEmpty();
        f.Diagnostics.Should().Contain(d => d.Code == "no-operations" && d.Message.StartsWith("no statement of operations was found"));
        f.Diagnostics.Should().NotContain(d => d.Severity == Severity.Error);
        f.Sections.Should().NotBeEmpty();
        f.Source.Should().NotBeNull("the submission as imported is kept for re-parsing");
    }

    [Fact]
    public void The_release_title_is_found_below_the_exhibit_label_news_line_and_contacts()
    {
        var f = Parse("southern");
        f.Release!.Title.Should().Be("2006 Southern Company earnings bolstered by");
        f.Release.Date.Should().BeNull("\"Jan. 25, 2007\" stands above the title, not in a dateline");
        Parse("amazon").Release.Should().BeNull("an 8-K with no EX-99 carries no release");
    }

    [Fact]
    public void Oracle_quarterly_trend_tables_by_fiscal_quarter()
    {
        var f = Parse("oracle");

        // "Fiscal 2021  Fiscal 2022" over "Q1 Q2 Q3 Q4": Oracle's year ends in May, so Q1 of fiscal 2021 ends in August 2020.
        var fcf = f.Statements.Single(s => s.Title == "FREE CASH FLOW - TRAILING 4-QUARTERS (1)");
        fcf.Columns.Select(Col).Should().Equal("12M 2020-08-31", "12M 2020-11-30", "12M 2021-02-28", "12M 2021-05-31", "12M 2021-08-31", "12M 2021-11-30", "12M 2022-02-28", "12M 2022-05-31");
        fcf.Rows.Single(r => r.Label == "Free Cash Flow").Values.Should().Equal(11478m, 12134m, 12808m, 13752m, 12564m, 7137m, 6591m, 5028m);

        var revenues = f.Statements.Single(s => s.Title == "SUPPLEMENTAL ANALYSIS OF GAAP REVENUES (1)");
        revenues.Columns.Select(Col).Should().Equal("3M 2020-08-31", "3M 2020-11-30", "3M 2021-02-28", "3M 2021-05-31", "12M 2021-05-31", "3M 2021-08-31", "3M 2021-11-30", "3M 2022-02-28", "3M 2022-05-31", "12M 2022-05-31");
        revenues.Rows.First(r => r.Label == "Total revenues").Values.Should().Equal(9367m, 9800m, 10085m, 11227m, 40479m, 9728m, 10360m, 10513m, 11840m, 42440m);

        var cash = f.Statements.Single(s => s.Kind == StatementKind.CashFlow);
        cash.Rows[^1].Label.Should().Be("Cash and cash equivalents at end of period", "the trend table's rows are not appended to the cash flow statement");
        cash.Rows.Single(r => r.Label == "Net cash provided by (used for) investing activities").Concept.Should().Be("NetCashProvidedByUsedInInvestingActivities");
    }

    [Fact]
    public void Binary_documents_are_skipped_without_being_decoded()
    {
        var f = Parse("oracle");
        f.Text.Should().NotContain("begin 644", "the uuencoded JPEG is not read");
        f.Text.Length.Should().BeLessThan(f.Source!.Length / 4);
        f.Diagnostics.Should().Contain(d => d.Code == "submission" && d.Message.Contains("binary document"));
    }
}
