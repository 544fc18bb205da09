using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Import;

/// <summary>Investor and media contacts from the release's contact blocks: role, person, phone, e-mail.</summary>
public static partial class ContactParser
{
    private static readonly HashSet<string> NotNames =
    [
        "Media", "Investors", "Investor", "Contacts", "Contact", "For", "The", "Tel", "Executive", "Senior", "Director", "Corporate",
        "Communications", "Relations", "Group", "Network", "Vice", "President", "Chief", "Officer", "Financial", "Source", "Public",
        "Affairs", "Manager", "Inc", "Corp", "Company", "Fax", "Phone", "Email", "Street", "Road", "Suite", "Avenue",
    ];

    [GeneratedRegex(@"(?=\b(?<first>[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?(?<last>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)")]
    private static partial Regex NameCandidate();

    [GeneratedRegex(@"\(?\b[0-9]{3}\)?[\s.\-][0-9]{3}[\s.\-][0-9]{4}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")]
    private static partial Regex Email();

    public static List<Contact> Parse(IEnumerable<Section> sections)
    {
        var contacts = new List<Contact>();
        foreach (var section in sections.Where(s => s.Kind == SectionKind.Contacts))
        {
            foreach (var block in section.Text.Split("\n\n"))
            {
                var role = RoleOf(block) ?? RoleOf(section.Heading);
                var phone = Phone().Match(block);
                var email = Email().Match(block);
                var name = NameCandidate().Matches(block)
                    .Select(m => (First: m.Groups["first"].Value, Last: m.Groups["last"].Value, m.Index))
                    .FirstOrDefault(c => !NotNames.Contains(c.First) && !NotNames.Contains(c.Last));
                if (name.First is null || (!phone.Success && !email.Success))
                {
                    continue;
                }

                var full = FullName().Match(block[name.Index..]).Value;
                contacts.Add(new Contact(role ?? "Contact", full, phone.Success ? phone.Value : null, email.Success ? email.Value : null));
            }
        }

        return contacts;
    }

    private static string? RoleOf(string text) =>
        InvestorsWord().IsMatch(text) ? "Investors"
        : MediaWord().IsMatch(text) ? "Media"
        : null;

    [GeneratedRegex(@"^[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")]
    private static partial Regex FullName();

    [GeneratedRegex(@"\binvestors?\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvestorsWord();

    [GeneratedRegex(@"\bmedia\b", RegexOptions.IgnoreCase)]
    private static partial Regex MediaWord();
}
