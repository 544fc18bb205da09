using System.Globalization;
using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Import.Edgar;

/// <summary>
/// The SEC header's fields as cover data. The header is the SEC's record, so it decides the CIK, form, filing date
/// and fiscal year end; the company's own spelling of its name and address from the cover page is kept when present.
/// </summary>
public static partial class SubmissionCover
{
    [GeneratedRegex(@"^(?<m>0[1-9]|1[0-2])(?<d>[0-3][0-9])$")]
    private static partial Regex MonthDay();

    /// <summary>Before the cover is read: the header's record, which the cover page may then spell better.</summary>
    public static void Apply(Submission s, Filing filing)
    {
        var c = filing.Company;
        filing.AccessionNumber = s["ACCESSION NUMBER"];
        filing.FiledDate = Date(s["FILED AS OF DATE"]);
        filing.Form = s["CONFORMED SUBMISSION TYPE"] ?? s["FORM TYPE"] ?? filing.Form;
        filing.ReportDate ??= Date(s["CONFORMED PERIOD OF REPORT"]);
        c.Cik = s["CENTRAL INDEX KEY"] ?? c.Cik;
        if (string.IsNullOrWhiteSpace(c.Name) && s["COMPANY CONFORMED NAME"] is string name)
        {
            c.Name = name;
        }

        c.StateOfIncorporation ??= s["STATE OF INCORPORATION"];
        c.CommissionFileNumber ??= s["SEC FILE NUMBER"];
        c.IrsEmployerId ??= s["IRS NUMBER"] is { Length: 9 } irs && irs.All(char.IsAsciiDigit) ? $"{irs[..2]}-{irs[2..]}" : s["IRS NUMBER"];
        c.Address ??= Address(s);
        c.Phone ??= Phone(s["BUSINESS ADDRESS/BUSINESS PHONE"] ?? s["BUSINESS PHONE"]);
    }

    /// <summary>After the cover is read: the fiscal year end is the SEC's record; items only when the cover lists none.</summary>
    public static void Complete(Submission s, Filing filing)
    {
        var c = filing.Company;
        if (s["FISCAL YEAR END"] is string fye && MonthDay().Match(fye) is { Success: true } m)
        {
            c.FiscalYearEndMonth = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        }

        if (filing.Items.Count == 0)
        {
            filing.Items.AddRange(s.All("ITEM INFORMATION").Distinct());
        }
    }

    private static string? Address(Submission s)
    {
        var parts = new[] { "STREET 1", "STREET 2", "CITY" }.Select(k => s[$"BUSINESS ADDRESS/{k}"]).OfType<string>().ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var stateZip = string.Join(" ", new[] { s["BUSINESS ADDRESS/STATE"], s["BUSINESS ADDRESS/ZIP"] }.OfType<string>());
        if (stateZip.Length > 0)
        {
            parts.Add(stateZip);
        }

        return string.Join(", ", parts);
    }

    private static string? Phone(string? digits) =>
        digits is { Length: 10 } && digits.All(char.IsAsciiDigit) ? $"({digits[..3]}) {digits[3..6]}-{digits[6..]}" : digits;

    private static DateOnly? Date(string? yyyymmdd) =>
        yyyymmdd is { Length: 8 } && DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
