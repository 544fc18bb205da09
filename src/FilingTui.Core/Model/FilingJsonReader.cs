using System.Globalization;
using System.Text.Json.Nodes;

namespace FilingTui.Core.Model;

/// <summary>Reads schema <c>filingtui.filing/1</c> back into a filing: the store keeps cover data this way.</summary>
public static class FilingJsonReader
{
    public static Filing Read(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var f = new Filing();
        if (root["company"] is JsonObject c)
        {
            f.Company = new Company
            {
                Name = S(c, "name") ?? "",
                Ticker = S(c, "ticker"),
                Exchange = S(c, "exchange"),
                Cik = S(c, "cik"),
                StateOfIncorporation = S(c, "stateOfIncorporation"),
                CommissionFileNumber = S(c, "commissionFileNumber"),
                IrsEmployerId = S(c, "irsEmployerId"),
                Address = S(c, "address"),
                Phone = S(c, "phone"),
                FiscalYearEndMonth = I(c, "fiscalYearEndMonth"),
            };
        }

        f.Form = S(root, "form");
        f.ReportDate = D(S(root, "reportDate"));
        f.AccessionNumber = S(root, "accessionNumber");
        f.FiledDate = D(S(root, "filedDate"));
        foreach (var item in root["items"]?.AsArray() ?? [])
        {
            f.Items.Add(item!.GetValue<string>());
        }

        foreach (var e in root["exhibits"]?.AsArray() ?? [])
        {
            f.Exhibits.Add(new Exhibit(S(e!.AsObject(), "number") ?? "", S(e.AsObject(), "description")));
        }

        if (root["signer"] is JsonObject s)
        {
            f.Signer = new Signer(S(s, "name") ?? "", S(s, "title"));
        }

        foreach (var contact in root["contacts"]?.AsArray() ?? [])
        {
            var o = contact!.AsObject();
            f.Contacts.Add(new Contact(S(o, "role") ?? "Contact", S(o, "name") ?? "", S(o, "phone"), S(o, "email")));
        }

        if (root["release"] is JsonObject r)
        {
            f.Release = new Release(S(r, "title") ?? "", D(S(r, "date")), S(r, "dateline"));
        }

        if (root["period"] is JsonObject p && D(S(p, "end")) is DateOnly end)
        {
            f.Period = new Period(end, I(p, "months") ?? 3, I(p, "fiscalYear"), I(p, "fiscalQuarter"));
        }

        foreach (var d in root["diagnostics"]?.AsArray() ?? [])
        {
            var o = d!.AsObject();
            var sev = Enum.TryParse<Severity>(S(o, "severity"), true, out var v) ? v : Severity.Info;
            f.Diagnostics.Add(new Diagnostic(sev, S(o, "code") ?? "", S(o, "message") ?? "", I(o, "line")));
        }

        foreach (var sec in root["sections"]?.AsArray() ?? [])
        {
            var o = sec!.AsObject();
            f.Sections.Add(new Section(S(o, "heading") ?? "", StatementKindNames.SectionKindFromKey(S(o, "kind") ?? ""), S(o, "text") ?? "", I(o, "line") ?? 0));
        }

        foreach (var st in root["statements"]?.AsArray() ?? [])
        {
            var o = st!.AsObject();
            var statement = new Statement { Kind = StatementKindNames.FromKey(S(o, "kind") ?? ""), Title = S(o, "title") };
            foreach (var col in o["columns"]?.AsArray() ?? [])
            {
                var co = col!.AsObject();
                statement.Columns.Add(new StatementColumn(D(S(co, "end"))!.Value, I(co, "months") ?? 0, S(co, "label")) { FiscalYear = I(co, "fiscalYear"), FiscalQuarter = I(co, "fiscalQuarter") });
            }

            foreach (var row in o["rows"]?.AsArray() ?? [])
            {
                var ro = row!.AsObject();
                statement.Rows.Add(new StatementRow
                {
                    Label = S(ro, "label") ?? "",
                    Values = [.. ro["values"]!.AsArray().Select(v => v is null ? (decimal?)null : v.GetValue<decimal>())],
                    Unit = StatementKindNames.UnitFromKey(S(ro, "unit") ?? "USD"),
                    Scale = I(ro, "scale") ?? 1,
                    Section = S(ro, "section"),
                    IsTotal = ro["total"]?.GetValue<bool>() ?? false,
                    LabelDerived = ro["labelDerived"]?.GetValue<bool>() ?? false,
                    Concept = S(ro, "concept"),
                    SourceLine = I(ro, "line") ?? 0,
                    CheckFailed = ro["checkFailed"]?.GetValue<bool>() ?? false,
                });
            }

            f.Statements.Add(statement);
        }

        return f;
    }

    private static string? S(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static int? I(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;

    private static DateOnly? D(string? s) => s is not null && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
