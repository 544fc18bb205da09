using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilingTui.Core.Model;

/// <summary>The filing as schema <c>filingtui.filing/1</c> (see golden/README.md).</summary>
public static class FilingJson
{
    public const string Schema = "filingtui.filing/1";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Filing f, long? id = null) => ToNode(f, id).ToJsonString(Options);

    /// <summary>The filing as JSON; without <paramref name="withBody"/> only its cover and diagnostics (what the store keeps as JSON).</summary>
    public static JsonObject ToNode(Filing f, long? id = null, bool withBody = true)
    {
        var company = new JsonObject { ["name"] = f.Company.Name };
        Add(company, "ticker", f.Company.Ticker);
        Add(company, "exchange", f.Company.Exchange);
        Add(company, "cik", f.Company.Cik);
        Add(company, "stateOfIncorporation", f.Company.StateOfIncorporation);
        Add(company, "commissionFileNumber", f.Company.CommissionFileNumber);
        Add(company, "irsEmployerId", f.Company.IrsEmployerId);
        Add(company, "address", f.Company.Address);
        Add(company, "phone", f.Company.Phone);
        company["fiscalYearEndMonth"] = f.Company.FiscalYearEndMonth;

        var root = new JsonObject { ["schema"] = Schema };
        if (id is long i)
        {
            root["id"] = i;
        }

        root["company"] = company;
        root["form"] = f.Form;
        root["reportDate"] = f.ReportDate?.ToString("yyyy-MM-dd");
        if (f.AccessionNumber is not null || f.FiledDate is not null)
        {
            root["accessionNumber"] = f.AccessionNumber;
            root["filedDate"] = f.FiledDate?.ToString("yyyy-MM-dd");
        }

        root["items"] = new JsonArray([.. f.Items.Select(x => (JsonNode)x)]);
        root["exhibits"] = new JsonArray([.. f.Exhibits.Select(e => Obj(("number", e.Number), ("description", e.Description)))]);
        root["signer"] = f.Signer is null ? null : Obj(("name", f.Signer.Name), ("title", f.Signer.Title));
        root["release"] = f.Release is null ? null : Obj(("title", f.Release.Title), ("date", f.Release.Date?.ToString("yyyy-MM-dd")), ("dateline", f.Release.Dateline));
        root["period"] = f.Period is null ? null : new JsonObject
        {
            ["end"] = f.Period.End.ToString("yyyy-MM-dd"),
            ["months"] = f.Period.Months,
            ["fiscalYear"] = f.Period.FiscalYear,
            ["fiscalQuarter"] = f.Period.FiscalQuarter,
            ["calendarQuarter"] = f.Period.CalendarQuarter,
        };
        root["contacts"] = new JsonArray([.. f.Contacts.Select(c => (JsonNode)Obj(("role", c.Role), ("name", c.Name), ("phone", c.Phone), ("email", c.Email)))]);
        if (withBody)
        {
            root["statements"] = new JsonArray([.. f.Statements.Select(StatementNode)]);
            root["sections"] = new JsonArray([.. f.Sections.Select(s => (JsonNode)new JsonObject { ["heading"] = s.Heading, ["kind"] = s.Kind.ToKey(), ["text"] = s.Text, ["line"] = s.Line })]);
        }

        root["diagnostics"] = new JsonArray([.. f.Diagnostics.Select(d => (JsonNode)Obj(("severity", d.Severity.ToString().ToLowerInvariant()), ("code", d.Code), ("message", d.Message), ("line", d.Line)))]);
        return root;
    }

    private static JsonNode StatementNode(Statement s)
    {
        var node = new JsonObject { ["kind"] = s.Kind.ToKey() };
        Add(node, "title", s.Title);
        node["columns"] = new JsonArray([.. s.Columns.Select(c =>
        {
            var col = new JsonObject { ["end"] = c.End.ToString("yyyy-MM-dd"), ["months"] = c.Months };
            Add(col, "label", c.Label);
            col["fiscalYear"] = c.FiscalYear;
            if (c.FiscalQuarter is int q)
            {
                col["fiscalQuarter"] = q;
            }

            return (JsonNode)col;
        })]);
        node["rows"] = new JsonArray([.. s.Rows.Select(r =>
        {
            var row = new JsonObject
            {
                ["label"] = r.Label,
                ["values"] = new JsonArray([.. r.Values.Select(v => v is decimal d ? JsonValue.Create(d) : null)]),
                ["unit"] = r.Unit.ToKey(),
                ["scale"] = r.Scale,
            };
            Add(row, "section", r.Section);
            if (r.IsTotal)
            {
                row["total"] = true;
            }

            if (r.LabelDerived)
            {
                row["labelDerived"] = true;
            }

            Add(row, "concept", r.Concept);
            row["line"] = r.SourceLine;
            if (r.CheckFailed)
            {
                row["checkFailed"] = true;
            }

            return (JsonNode)row;
        })]);
        return node;
    }

    private static void Add(JsonObject o, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            o[key] = value;
        }
    }

    private static JsonObject Obj(params (string Key, object? Value)[] props)
    {
        var o = new JsonObject();
        foreach (var (k, v) in props)
        {
            switch (v)
            {
                case null:
                    break;
                case string s:
                    o[k] = s;
                    break;
                case int n:
                    o[k] = n;
                    break;
            }
        }

        return o;
    }
}
