using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

/// <summary>Every sample against its golden file, judged as golden/README.md says.</summary>
public class GoldenTests
{
    private static string Norm(string label) => Regex.Replace(Regex.Replace(label, @"\(\d\)", ""), @"\s+", " ").Trim().ToLowerInvariant();

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Statements_match_golden_in_order_with_no_failed_check(string name)
    {
        var golden = Samples.Golden(name);
        var filing = Samples.Parse(name);
        foreach (var gs in golden["statements"]!.AsArray().Select(n => n!.AsObject()))
        {
            var kind = gs["kind"]!.GetValue<string>();
            var statement = filing.Statements.FirstOrDefault(s => s.Kind.ToKey() == kind);
            statement.Should().NotBeNull($"{name} has a {kind} statement");
            statement!.Columns.Select(c => (c.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Months)).Should().Equal(
                gs["columns"]!.AsArray().Select(c => (c!["end"]!.GetValue<string>(), c["months"]!.GetValue<int>())));

            var position = 0;
            foreach (var gr in gs["rows"]!.AsArray().Select(r => r!.AsObject()))
            {
                var label = gr["label"]!.GetValue<string>();
                var index = statement.Rows.FindIndex(position, r => Norm(r.Label) == Norm(label));
                index.Should().BeGreaterThanOrEqualTo(0, $"{name} {kind} has \"{label}\" after row {position}");
                var row = statement.Rows[index];
                position = index + 1;
                row.Values.Should().Equal(gr["values"]!.AsArray().Select(v => (decimal?)v!.GetValue<decimal>()), $"values of \"{label}\"");
                row.Unit.ToKey().Should().Be(gr["unit"]!.GetValue<string>(), label);
                row.Scale.Should().Be(gr["scale"]!.GetValue<int>(), label);
                row.Section.Should().Be(gr["section"]?.GetValue<string>(), label);
                row.IsTotal.Should().Be(gr["total"]?.GetValue<bool>() ?? false, label);
            }
        }

        filing.Diagnostics.Where(d => d.Code == "check-failed").Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Cover_release_and_period_match_golden(string name)
    {
        var golden = Samples.Golden(name);
        var json = JsonNode.Parse(FilingJson.Write(Samples.Parse(name)))!.AsObject();
        foreach (var (key, value) in golden["company"]!.AsObject())
        {
            json["company"]![key]?.ToJsonString().Should().Be(value!.ToJsonString(), $"company.{key}");
        }

        foreach (var key in new[] { "form", "reportDate", "release" })
        {
            var expected = golden[key];
            var actual = json[key];
            if (expected is JsonObject eo)
            {
                foreach (var (k, v) in eo)
                {
                    actual![k]!.ToJsonString().Should().Be(v!.ToJsonString(), $"{key}.{k}");
                }
            }
            else
            {
                (actual?.ToJsonString() ?? "null").Should().Be(expected?.ToJsonString() ?? "null", key);
            }
        }

        if (golden["items"] is JsonArray items)
        {
            json["items"]!.ToJsonString().Should().Be(items.ToJsonString());
        }

        foreach (var e in golden["exhibits"]?.AsArray() ?? [])
        {
            json["exhibits"]!.AsArray().Select(x => x!["number"]!.GetValue<string>()).Should().Contain(e!["number"]!.GetValue<string>());
        }

        if (golden["signer"] is JsonObject signer)
        {
            json["signer"]!["name"]!.GetValue<string>().Should().Be(signer["name"]!.GetValue<string>());
        }

        foreach (var (k, v) in golden["period"]!.AsObject())
        {
            json["period"]![k]!.ToJsonString().Should().Be(v!.ToJsonString(), $"period.{k}");
        }
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void Business_update_headings_are_classified_as_golden_says(string name)
    {
        var golden = Samples.Golden(name)["sections"]!.AsObject();
        var sections = Samples.Parse(name).Sections;
        foreach (var heading in golden["business_update"]!.AsArray().Select(h => h!.GetValue<string>()))
        {
            sections.Should().Contain(s => s.Heading == heading && s.Kind == SectionKind.BusinessUpdate, heading);
        }

        foreach (var heading in golden["not_business_update"]!.AsArray().Select(h => h!.GetValue<string>()))
        {
            sections.Should().Contain(s => s.Heading == heading);
            sections.Where(s => s.Heading == heading).Should().OnlyContain(s => s.Kind != SectionKind.BusinessUpdate, heading);
        }
    }

    [Theory]
    [MemberData(nameof(Samples.All), MemberType = typeof(Samples))]
    public void No_section_contains_a_page_artifact(string name)
    {
        foreach (var s in Samples.Parse(name).Sections)
        {
            s.Text.Should().NotMatchRegex(@"(?m)^\s*\d{1,3}\s*$", s.Heading);
            s.Text.Should().NotContainAny("Page 5 of 6", "-financials follow-", "First Quarter Fiscal Year 2006 Financial Results\n", "Fiscal Year 2003 Third Quarter Results");
        }
    }

    [Fact]
    public void Sample_004_merged_rows_are_split_into_two_rows_of_two_values()
    {
        var bs = Samples.Parse("immunogen-2010-12-31-release").Statements.Single(s => s.Kind == StatementKind.BalanceSheet);
        bs.Rows[0].Label.Should().Be("Cash, cash equivalents and marketable securities");
        bs.Rows[0].Values.Should().Equal(128486m, 110298m);
        bs.Rows[1].Label.Should().Be("Other assets");
        bs.Rows[1].Values.Should().Equal(25319m, 26910m);
    }

    [Fact]
    public void Sample_003_total_printed_apart_from_its_label_is_rejoined_and_junk_dropped()
    {
        var filing = Samples.Parse("immunogen-2003-03-31-8k");
        var bs = filing.Statements.Single(s => s.Kind == StatementKind.BalanceSheet);
        bs.Rows[^1].Label.Should().Be("Total liabilities and stockholders' equity");
        bs.Rows[^1].Values.Should().Equal(126352m, 152156m);
        bs.Rows.Should().NotContain(r => r.Values.Contains(120002m));
        filing.Diagnostics.Should().Contain(d => d.Code == "junk-row" && d.Message.Contains("120,002"));
    }

    [Fact]
    public void A_changed_number_makes_the_filing_not_add_up()
    {
        var text = Samples.Text("immunogen-2005-09-30-8k").Replace("Other assets\t\t19,432", "Other assets\t\t19,532", StringComparison.Ordinal);
        var filing = Import.ImportPipeline.ParseText(text);
        filing.Diagnostics.Should().Contain(d => d.Code == "check-failed" && d.Message.Contains("Total assets"));
        filing.Statements.Single(s => s.Kind == StatementKind.BalanceSheet).Rows.Should().Contain(r => r.CheckFailed);
        filing.Statements.Single(s => s.Kind == StatementKind.BalanceSheet).Rows[1].Values[0].Should().Be(19532m, "values are never changed to pass a check");
    }

    [Fact]
    public void Concepts_follow_a_line_across_label_changes()
    {
        var a = Samples.Parse("immunogen-2005-09-30-8k").Statements.Single(s => s.Kind == StatementKind.Operations);
        var b = Samples.Parse("immunogen-2003-03-31-8k").Statements.Single(s => s.Kind == StatementKind.Operations);
        a.Rows.Single(r => r.Label == "Net income (loss)").Concept.Should().Be("NetIncomeLoss");
        b.Rows.Single(r => r.Label == "Net loss").Concept.Should().Be("NetIncomeLoss");
        a.Rows.Single(r => r.Label == "Total revenues").Concept.Should().Be("Revenues");
        b.Rows.Single(r => r.Label.StartsWith("Net loss per", StringComparison.Ordinal)).Concept.Should().Be("EarningsPerShareBasicAndDiluted");
    }
}
