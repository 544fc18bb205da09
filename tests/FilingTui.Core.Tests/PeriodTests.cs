using FilingTui.Core.Import;
using FilingTui.Core.Model;
using FilingTui.Core.Periods;
using FluentAssertions;
using Xunit;

namespace FilingTui.Core.Tests;

/// <summary>The release's quarter from its title, and the period settled from statements, text, title and dateline (titles of real releases).</summary>
public class PeriodTests
{
    [Theory]
    [InlineData("Lattice Semiconductor Reports Fourth Quarter and Full Year 2024 Results", 4, 2024)]
    [InlineData("Coveo Reports Third Quarter Fiscal 2025 Financial Results", 3, 2025)]
    [InlineData("Arrowhead Pharmaceuticals Reports Fiscal 2025 First Quarter Results", 1, 2025)]
    [InlineData("SunLink Health Systems, Inc. Announces Fiscal 2025 Second Quarter Results", 2, 2025)]
    [InlineData("PhenixFIN Corporation Announces Fiscal First Quarter 2025 Financial Results", 1, 2025)]
    [InlineData("Alkermes plc Reports Financial Results for the Fourth Quarter and Year Ended Dec. 31, 2024 and Provides Financial Expectations for 2025", 4, 2024)]
    [InlineData("Russel Metals Announces 2024 Annual & Fourth Quarter Results", 4, 2024)]
    [InlineData("NVIDIA Announces Financial Results for Second Quarter Fiscal 2026", 2, 2026)]
    [InlineData("Acme Reports Q2 Fiscal Year 2025 Results", 2, 2025)]
    [InlineData("Acme 4Q24 results", 4, 2024)]
    [InlineData("Acme Reports Q1 FY26 Results", 1, 2026)]
    [InlineData("EVI Industries Reports Record Second Quarter Results", 2, null)]
    public void The_title_names_the_quarter_and_its_year(string title, int quarter, int? year) =>
        TitlePeriod.Parse(title).Should().Be(new TitlePeriod(quarter, year));

    [Theory]
    [InlineData("PG&E Corporation Delivers on Guidance for Full-Year 2024 and Updates 2025 Earnings Guidance")]
    [InlineData("")]
    public void A_title_without_a_quarter_names_none(string title) => TitlePeriod.Parse(title).Should().BeNull();

    private static Filing Release(string title, DateOnly? dated, params StatementColumn[] operations)
    {
        var f = new Filing { Release = new Release(title, dated, null) };
        if (operations.Length > 0)
        {
            var s = new Statement { Kind = StatementKind.Operations };
            s.Columns.AddRange(operations);
            f.Statements.Add(s);
        }

        return f;
    }

    [Fact]
    public void The_newest_quarter_of_the_statement_of_operations_is_the_period_not_a_sentence_about_the_year_ago_quarter()
    {
        var f = Release("Acme Reports Fourth Quarter and Full Year 2024 Results", new DateOnly(2025, 2, 10),
            new StatementColumn(new DateOnly(2024, 12, 28), 3), new StatementColumn(new DateOnly(2024, 9, 28), 3), new StatementColumn(new DateOnly(2023, 12, 30), 3), new StatementColumn(new DateOnly(2024, 12, 28), 12));
        f.Period = new Period(new DateOnly(2023, 12, 30), 3);
        ReleasePeriodPass.Apply(f);
        FiscalCalendar.Apply(f);
        f.Period.Should().Be(new Period(new DateOnly(2024, 12, 28), 3, 2024, 4));
        f.Company.FiscalYearEndMonth.Should().Be(12);
    }

    [Fact]
    public void A_sentence_naming_a_quarter_after_the_release_date_is_an_outlook_and_the_dateline_decides()
    {
        var f = Release("Acme Reports Fourth Quarter and Fiscal Year 2024 Results", new DateOnly(2025, 2, 11));
        f.Period = new Period(new DateOnly(2025, 9, 26), 3);
        ReleasePeriodPass.Apply(f);
        FiscalCalendar.Apply(f);
        f.Period!.End.Should().Be(new DateOnly(2024, 12, 31));
        f.Period.FiscalLabel.Should().Be("Q4 FY2024");
        f.Diagnostics.Should().Contain(d => d.Code == "period" && d.Message.Contains("2025-09-26"));
    }

    [Fact]
    public void A_fiscal_quarter_with_no_stated_year_end_places_the_year_from_the_title()
    {
        var f = Release("Coveo Reports Third Quarter Fiscal 2025 Financial Results", new DateOnly(2025, 2, 10),
            new StatementColumn(new DateOnly(2024, 12, 31), 3), new StatementColumn(new DateOnly(2023, 12, 31), 3), new StatementColumn(new DateOnly(2024, 12, 31), 9));
        ReleasePeriodPass.Apply(f);
        FiscalCalendar.Apply(f);
        f.Company.FiscalYearEndMonth.Should().Be(3);
        f.Period!.FiscalLabel.Should().Be("Q3 FY2025");
    }

    [Fact]
    public void An_annual_statement_alone_reports_the_fourth_quarter_of_its_year()
    {
        var f = Release("PG&E Corporation Delivers on Guidance for Full-Year 2024", new DateOnly(2025, 2, 13),
            new StatementColumn(new DateOnly(2024, 12, 31), 12), new StatementColumn(new DateOnly(2023, 12, 31), 12), new StatementColumn(new DateOnly(2022, 12, 31), 12));
        ReleasePeriodPass.Apply(f);
        FiscalCalendar.Apply(f);
        f.Period.Should().Be(new Period(new DateOnly(2024, 12, 31), 12, 2024, 4));
        f.Diagnostics.Should().Contain(d => d.Code == "fiscal-year-end" && d.Message.Contains("calendar year is assumed"));
    }

    [Fact]
    public void A_release_with_no_statements_takes_the_last_calendar_quarter_before_its_dateline()
    {
        var f = Release("Acme Reports Record Results", new DateOnly(2025, 4, 15));
        ReleasePeriodPass.Apply(f);
        f.Period.Should().Be(new Period(new DateOnly(2025, 3, 31), 3));
    }

    [Fact]
    public void An_8k_without_a_release_has_no_period()
    {
        var f = new Filing { ReportDate = new DateOnly(1998, 8, 1) };
        ReleasePeriodPass.Apply(f);
        f.Period.Should().BeNull();
    }
}
