using System.Text.RegularExpressions;
using FilingTui.Core.Model;
using FilingTui.Core.Tables;

namespace FilingTui.Core.Import;

/// <summary>Where the parts of a filing sit in its normalized lines.</summary>
public sealed record Layout(int CoverEnd, int TitleIndex, int DatelineIndex);

/// <summary>The 8-K cover page and the release header: who filed, what, when, signed by whom.</summary>
public static partial class CoverParser
{
    [GeneratedRegex(@"^\s*FORM\s+(8-K|10-Q|10-K|6-K|8-K/A)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FormLine();

    [GeneratedRegex(@"^\s*ITEM\s+([0-9]{1,2}(?:\.[0-9]{2})?)\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex ItemLine();

    [GeneratedRegex(@"^\s*(?:Exhibit\s+)?(99(?:\.[0-9]{1,2})?)\s*[\t ]\s*(\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExhibitLine();

    [GeneratedRegex(@"(?:^|\bBy:?)\s*/s/\s*(?<name>[^\t]+?)\s*(?:\t|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SignatureLine();

    [GeneratedRegex(@"\((?<ex>Nasdaq|NASDAQ|NYSE|AMEX|NYSE\s+American|Nasdaq\s+\w+|NASDAQ\s+\w+|OTC\w*|TSX|TSXV|Cboe|CBOE|LSE|ASX|TASE)\s*:\s*(?<t>[A-Z][A-Z.\-]{0,6})(?:\s*[,;/]\s*[^)]{0,40})?\)")]
    private static partial Regex TickerPattern();

    [GeneratedRegex(@"^\s*(?:[A-Z][A-Za-z.'\-]*\s*){1,4},\s*(?:[A-Za-z.]+\s*){1,3}(?:,?\s+|\s*[-–—]{1,2}\s*)(?<date>" + Dates.FullDatePattern + @")\s*(?:\([^)]*\))?\s*(?:[-–—]{1,2}|/|:|,)", RegexOptions.IgnoreCase)]
    private static partial Regex Dateline();

    /// <summary>
    /// A newswire's dateline: "DUBLIN, Feb. 12, 2025 /PRNewswire/ --", "MIAMI--(BUSINESS WIRE)--February 10, 2025--",
    /// "COPENHAGEN, Denmark, Feb. 12, 2025 (GLOBE NEWSWIRE) --": a place of up to four words and two parts, the wire's
    /// name before or after the date, then a dash, slash or the line's end.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:\*\*)?[A-Z][A-Za-z.'`’\-]*(?:[ \-][A-Za-z.'`’\-]+){0,3}(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Za-z.]+){0,2}){0,2}\s*(?:,|[-–—]{1,2}\s*\([^)\n]{2,40}\)\s*[-–—]{1,2}|\s[-–—]{1,2})\s*(?<date>" + Dates.FullDatePattern + @")\s*(?:/[^/\n]{2,40}/|\([^)\n]{2,40}\))?\s*(?:[-–—]{1,2}|/|:|,|$)")]
    private static partial Regex WireDateline();

    /// <summary>The date of a dateline in either form, tested on the line's first 160 characters, as a dateline opens its paragraph.</summary>
    private static Match DatelineMatch(string line)
    {
        var head = DatelineHead(line);
        var m = Dateline().Match(head);
        return m.Success ? m : WireDateline().Match(head);
    }

    private static string DatelineHead(string line) => line.Length > 160 ? line[..160] : line;

    [GeneratedRegex(@"\b(?:reports?|announces?|posts?)\b.*\b(?:results|quarter|earnings)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitleLike();

    /// <summary>"May 28, 2025", "Wednesday, May 28, 2025": a date and nothing else.</summary>
    [GeneratedRegex(@"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?" + Dates.FullDatePattern + @"$", RegexOptions.IgnoreCase)]
    private static partial Regex DateAlone();

    [GeneratedRegex(@"(?:three[- ]month period|three months|quarter|thirteen weeks|13 weeks|three and (?:six|nine|twelve) months?)\s+(?:period\s+)?end(?:ed|ing)\s+(?<date>" + Dates.FullDatePattern + @")", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterEnded();

    [GeneratedRegex(@"(?:six|nine|twelve) months\s+(?:period\s+)?end(?:ed|ing)\s+(?<date>" + Dates.FullDatePattern + @")", RegexOptions.IgnoreCase)]
    private static partial Regex LongerPeriodEnded();

    [GeneratedRegex(@"fiscal\s+year\s+(?:end(?:ed|ing|s)?|closing)\s+(?:on\s+)?(?<m>" + Dates.MonthPattern + @")", RegexOptions.IgnoreCase)]
    private static partial Regex FiscalYearEnd();

    [GeneratedRegex(@"^[\s\-_=]+$")]
    private static partial Regex Rule();

    /// <summary>
    /// Where the cover ends and the release begins. <paramref name="coverLines"/> is known for an EDGAR submission
    /// (the form document's line count); <paramref name="hasRelease"/> false means no exhibit carries a release.
    /// </summary>
    public static Layout FindLayout(List<TextLine> lines, int? coverLines = null, bool hasRelease = true)
    {
        var isForm = lines.Take(60).Any(l => FormLine().IsMatch(l.Text));
        var coverEnd = -1;
        if (coverLines is int n0)
        {
            coverEnd = lines.FindLastIndex(l => l.Number <= n0);
            if (!hasRelease)
            {
                return new Layout(coverEnd, lines.Count, -1);
            }
        }
        else if (isForm)
        {
            var sig = lines.FindIndex(l => SignatureLine().IsMatch(l.Text));
            if (sig >= 0)
            {
                coverEnd = NextNonBlank(lines, sig + 1) is int n && n < lines.Count && !TitleLike().IsMatch(lines[n].Text) ? n : sig;

                // An exhibit index may follow the signature block.
                for (var i = coverEnd + 1; i < Math.Min(lines.Count, coverEnd + 12); i++)
                {
                    var t = lines[i].Trimmed;
                    if (t.StartsWith("EXHIBIT INDEX", StringComparison.OrdinalIgnoreCase) || t.StartsWith("Exhibit No", StringComparison.OrdinalIgnoreCase) || ExhibitLine().IsMatch(t))
                    {
                        coverEnd = i;
                    }
                }
            }
        }

        var title = -1;
        for (var i = coverEnd + 1; i < lines.Count; i++)
        {
            var t = lines[i].Trimmed;
            if (t.Length is > 10 and < 200 && TitleLike().IsMatch(t) && !t.EndsWith('.'))
            {
                title = i;
                break;
            }
        }

        if (title < 0)
        {
            title = NextNonBlank(lines, coverEnd + 1) ?? 0;

            // "Exhibit 99.01", "For Immediate Release", "News": the exhibit's label, not the release's title.
            while (title < lines.Count - 1 && IsReleaseLabel(lines[title].Trimmed))
            {
                title = NextNonBlank(lines, title + 1) ?? title;
            }
        }

        var dateline = -1;
        var dateAlone = -1;
        var inBody = false;
        var nonBlank = 0;
        for (var i = Math.Max(title, 0); i < lines.Count && nonBlank < 12; i++)
        {
            if (lines[i].IsBlank)
            {
                continue;
            }

            nonBlank++;
            var text = lines[i].Text;
            if (DatelineMatch(text).Success)
            {
                dateline = i;
                break;
            }

            // A web page prints the release's date on a line of its own under the title (and its subtitles), before
            // the body starts: a long line or a table's row ends the search, so a column's date is not taken for it.
            inBody |= text.Length > 100 || text.Contains('\t') || lines[i].Trimmed.Contains("   ", StringComparison.Ordinal);
            if (!inBody && dateAlone < 0 && i > title && DateAlone().IsMatch(lines[i].Trimmed))
            {
                dateAlone = i;
            }
        }

        // A copy may put a summary or headlines between its title and the dateline: a newswire's dateline, which
        // cannot be mistaken for prose, is looked for further on.
        for (var i = Math.Max(title, 0); dateline < 0 && i < lines.Count && i < Math.Max(title, 0) + WireDatelineReach; i++)
        {
            if (WireDateline().IsMatch(DatelineHead(lines[i].Text)))
            {
                dateline = i;
            }
        }

        return new Layout(coverEnd, title, dateline >= 0 ? dateline : dateAlone);
    }

    /// <summary>How many lines past the title a newswire's dateline is looked for.</summary>
    private const int WireDatelineReach = 80;

    /// <summary>"Acme Reports Fourth Quarter Results": a title that announces results.</summary>
    public static bool IsResultsTitle(string? title) => title is { Length: > 10 and < 300 } && TitleLike().IsMatch(title);

    /// <summary>What sits above a release's title: its exhibit label, "News", contacts, a date alone.</summary>
    private static bool IsReleaseLabel(string line) =>
        ReleaseLabel().IsMatch(line)
        || (line.Length < 24 && Dates.FindAll(line).Any());

    private static int? NextNonBlank(List<TextLine> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank)
            {
                return i;
            }
        }

        return null;
    }

    public static void Parse(List<TextLine> lines, Layout layout, Filing filing)
    {
        if (layout.CoverEnd >= 0)
        {
            ParseCover(lines.Take(layout.CoverEnd + 1).ToList(), filing);
        }

        ParseRelease(lines, layout, filing);
        filing.Company.Name = AsWritten(filing.Company.Name, lines);
    }

    /// <summary>
    /// What a format states apart from the text (a Markdown copy's front matter): its title stands for the release's
    /// where it reads as one, and its date dates the release where no dateline does.
    /// </summary>
    public static void ApplyMetadata(Filing filing, string? title, string? date)
    {
        var stated = title is null ? null : Whitespace.Collapse(title).Trim();
        if (stated is { Length: > 10 and < 300 } && TitleLike().IsMatch(stated))
        {
            // A name read off the text's own title line ("(21:01 GMT) *Lattice Semiconductor 4Q EPS ...") is replaced
            // by the stated title's; a name from a cover or beside a ticker stands.
            var fromOldTitle = filing.Release?.Title is string old && NameBeforeVerb().Match(old) is { Success: true } o && o.Groups[1].Value.Trim() == filing.Company.Name;
            filing.Release = filing.Release is null ? new Release(stated, null, null) : filing.Release with { Title = stated };
            if ((string.IsNullOrEmpty(filing.Company.Name) || fromOldTitle) && NameBeforeVerb().Match(stated) is { Success: true } m)
            {
                filing.Company.Name = m.Groups[1].Value.Trim();
            }
        }

        if (filing.Release is { Date: null } release && date is not null && IsoDate().Match(date) is { Success: true } d
            && Dates.Make(int.Parse(d.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(d.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(d.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture)) is DateOnly day)
        {
            filing.Release = release with { Date = day };
        }
    }

    [GeneratedRegex(@"^\s*((?:19|20)[0-9]{2})-([0-9]{2})-([0-9]{2})\b")]
    private static partial Regex IsoDate();

    /// <summary>"APPLE INC." on the cover is "Apple Inc." in the release: the company's own mixed-case spelling reads better.</summary>
    private static string AsWritten(string name, List<TextLine> lines)
    {
        if (name.Length < 3 || name.Any(char.IsLower) || !name.Any(char.IsLetter))
        {
            return name;
        }

        // Mixed case, as a name is written, and not inside an address ("ir@nvidia.com", "www.nvidia.com").
        var pattern = new Regex(@"(?<![\w@./])" + Regex.Escape(name).Replace(@"\ ", @"\s+") + @"(?![\w@]|\.\w)", RegexOptions.IgnoreCase);
        foreach (var line in lines)
        {
            if (line.Text.Length >= name.Length && pattern.Match(line.Text) is { Success: true } m && m.Value.Any(char.IsLower) && m.Value.Any(char.IsUpper))
            {
                return Whitespace.Collapse(m.Value);
            }
        }

        return name;
    }

    private static string? Before(string line, string marker)
    {
        var i = line.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (i < 0)
        {
            return null;
        }

        var s = line[..i].Trim().TrimEnd(',', ';').Trim();
        return s.Length > 0 ? s : null;
    }

    private static void ParseCover(List<TextLine> cover, Filing filing)
    {
        var c = filing.Company;
        for (var i = 0; i < cover.Count; i++)
        {
            var t = cover[i].Trimmed;
            if (filing.Form is null && FormLine().Match(t) is { Success: true } fm)
            {
                filing.Form = fm.Groups[1].Value.ToUpperInvariant();
            }
            else if (t.StartsWith("Date of Report", StringComparison.OrdinalIgnoreCase) && filing.ReportDate is null)
            {
                filing.ReportDate = Dates.FirstFull(t[(t.IndexOf(')') + 1)..]) ?? Dates.FirstFull(t);
            }
            else if (t.Contains("(Exact name of registrant", StringComparison.OrdinalIgnoreCase))
            {
                c.Name = Before(t, "(Exact name") ?? Above(cover, i, "(Exact name") ?? c.Name;
            }
            else if (t.Contains("(State or other jurisdiction", StringComparison.OrdinalIgnoreCase))
            {
                c.StateOfIncorporation = Before(t, "(State") ?? Above(cover, i, "(State");
            }
            else if (t.Contains("(Commission File Number", StringComparison.OrdinalIgnoreCase))
            {
                c.CommissionFileNumber = Before(t, "(Commission") ?? Above(cover, i, "(Commission");
            }
            else if (IrsEmployerCaption().IsMatch(t))
            {
                c.IrsEmployerId = IrsEmployerId().Match(t).Value is { Length: > 0 } irs ? irs : Above(cover, i, "(I");
            }
            else if (t.Contains("(Address of principal executive", StringComparison.OrdinalIgnoreCase))
            {
                c.Address = Before(t, "(Address") ?? Above(cover, i, "(Address");
            }
            else if (t.Contains("telephone number", StringComparison.OrdinalIgnoreCase))
            {
                var phone = PhoneIn().Match(t);
                if (!phone.Success && Above(cover, i, "telephone") is string above)
                {
                    phone = PhoneAlone().Match(above);
                }

                if (phone.Success)
                {
                    c.Phone = phone.Value;
                }
            }
            else if (ItemLine().Match(t) is { Success: true } im)
            {
                var item = im.Groups[1].Value;
                if (!filing.Items.Contains(item))
                {
                    filing.Items.Add(item);
                }
            }
            else if (ExhibitLine().Match(t) is { Success: true } em && !filing.Exhibits.Any(e => e.Number == em.Groups[1].Value))
            {
                filing.Exhibits.Add(new Exhibit(em.Groups[1].Value, em.Groups[2].Value.Trim()));
            }
            else if (SignatureLine().Match(t) is { Success: true } sm)
            {
                var name = sm.Groups["name"].Value.Trim();
                string? title = null;
                var rest = t[(sm.Index + sm.Length)..].Trim();
                var next = rest.Length > 0 ? rest : cover.Skip(i + 1).Where(l => !l.IsBlank).Select(l => l.Trimmed).FirstOrDefault();
                if (next is not null && next.StartsWith(name, StringComparison.OrdinalIgnoreCase) && next.Length > name.Length)
                {
                    // "/S/ WILLIAM COREY WEST" over "William Corey West  Executive Vice President": the printed name reads better.
                    name = next[..name.Length];
                    title = next[name.Length..].Trim().TrimStart(',').Trim();
                }
                else if (next is not null && NameOrTitleCaption().IsMatch(next))
                {
                    title = TitleCaption().Match(string.Join(" ", cover.Skip(i + 1).Take(4).Select(l => l.Trimmed))).Groups[1].Value.Trim();
                }

                filing.Signer = new Signer(name, string.IsNullOrEmpty(title) ? null : title);
            }
        }
    }

    /// <summary>
    /// The value printed above a caption. Covers often print captions side by side ("(State ...)  (Commission File
    /// Number)  (I.R.S. Employer ...)") under a row of values: the value is the cell in the caption's column.
    /// </summary>
    private static string? Above(List<TextLine> lines, int i, string marker)
    {
        var above = PreviousNonBlank(lines, i);
        var captions = PrintedLine.SplitCells(lines[i].Trimmed);
        if (above is null || captions.Count < 2)
        {
            return above;
        }

        var values = PrintedLine.SplitCells(above);
        var column = captions.FindIndex(c => c.Contains(marker, StringComparison.OrdinalIgnoreCase));
        return values.Count == captions.Count && column >= 0 ? values[column] : above;
    }

    private static string? PreviousNonBlank(List<TextLine> lines, int i)
    {
        for (var j = i - 1; j >= 0 && j >= i - 4; j--)
        {
            if (!lines[j].IsBlank && !Rule().IsMatch(lines[j].Text))
            {
                return lines[j].Trimmed;
            }
        }

        return null;
    }

    private static void ParseRelease(List<TextLine> lines, Layout layout, Filing filing)
    {
        var title = layout.TitleIndex < lines.Count ? HeadingMarks().Replace(lines[layout.TitleIndex].Trimmed, "") : null;
        DateOnly? date = null;
        string? dateline = null;
        if (layout.DatelineIndex >= 0)
        {
            dateline = lines[layout.DatelineIndex].Trimmed;
            date = Dates.FirstFull(DatelineMatch(dateline) is { Success: true } dm ? dm.Groups["date"].Value : dateline);
        }

        if (title is not null)
        {
            filing.Release = new Release(title, date, dateline);
        }

        var body = string.Join("\n", lines.Skip(Math.Max(layout.TitleIndex, 0)).Take(400).Select(l => l.Text));
        var whole = string.Join("\n", lines.Select(l => l.Text));

        var tickerSource = TickerPattern().IsMatch(body) ? body : whole;
        if (TickerPattern().Match(tickerSource) is { Success: true } tm)
        {
            filing.Company.Ticker = tm.Groups["t"].Value;
            filing.Company.Exchange = tm.Groups["ex"].Value;
            if (string.IsNullOrEmpty(filing.Company.Name))
            {
                // The name is what precedes "(Nasdaq: IMGN)" on its line or after a dash: "... 2011 - ImmunoGen, Inc. (Nasdaq: IMGN)".
                var before = tickerSource[..tm.Index];
                // A dateline ends on a dash or a colon: "SPOKANE, Wash. - Nov. 1, 2006: Avista Corp. (NYSE: AVA)".
                var start = Math.Max(before.LastIndexOfAny(['\n', '-', '–', '—', ':']) + 1, 0);
                var name = Alias().Replace(before[start..], "").Trim();
                if (name.Length is > 1 and < 80)
                {
                    filing.Company.Name = name;
                }
            }
        }

        if (string.IsNullOrEmpty(filing.Company.Name) && title is not null)
        {
            var m = NameBeforeVerb().Match(title);
            if (m.Success)
            {
                filing.Company.Name = m.Groups[1].Value.Trim();
            }
        }

        var quarter = QuarterEnded().Match(body);
        if (!quarter.Success)
        {
            quarter = QuarterEnded().Match(whole);
        }

        // A release that names only its longer period ("the nine months ended Sept. 30, 2006") ends its quarter there too.
        if (!quarter.Success)
        {
            quarter = LongerPeriodEnded().Match(body);
        }

        // The phrase may end on a header's next line ("Three Months Ended May 31," over "2022").
        if (quarter.Success && Dates.FirstFull(Whitespace.Collapse(quarter.Groups["date"].Value)) is DateOnly end)
        {
            filing.Period = new Period(end, 3);
        }

        if (FiscalYearEnd().Match(whole) is { Success: true } fm && Dates.MonthNumber(fm.Groups["m"].Value) is int fye)
        {
            filing.Company.FiscalYearEndMonth = fye;
        }
    }

    /// <summary>"third", "3rd", "Q3" → 3; any other word names the fourth quarter, the only one left.</summary>
    public static int QuarterNumber(string word) => word.ToLowerInvariant() switch
    {
        "first" or "1st" or "q1" => 1,
        "second" or "2nd" or "q2" => 2,
        "third" or "3rd" or "q3" => 3,
        _ => 4,
    };

    [GeneratedRegex(@"^(?:exhibit\s+[0-9]+(?:\.[0-9]+)?|for immediate release|news(?: release)?|press release)$|^(?:media|investors?|press|analysts?)(?: relations)?(?: contacts?)?:|^contacts?:|@\w", RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseLabel();

    [GeneratedRegex(@"\(I\.?R\.?S\.? Employer", RegexOptions.IgnoreCase)]
    private static partial Regex IrsEmployerCaption();

    [GeneratedRegex(@"\b[0-9]{2}-[0-9]{7}\b")]
    private static partial Regex IrsEmployerId();

    [GeneratedRegex(@"\(?[0-9]{3}\)?[\s.\-]*[0-9]{3}[\s.\-][0-9]{4}")]
    private static partial Regex PhoneIn();

    [GeneratedRegex(@"^\(?[0-9]{3}\)?[\s.\-]*[0-9]{3}[\s.\-][0-9]{4}$")]
    private static partial Regex PhoneAlone();

    [GeneratedRegex(@"^(?:Name|Title)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex NameOrTitleCaption();

    [GeneratedRegex(@"Title\s*:\s*(.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TitleCaption();

    /// <summary>A Markdown heading's "#" marks and a bold title's asterisks, which are not the title's words.</summary>
    [GeneratedRegex(@"^#{1,6}\s+|^\*\*|\*\*$")]
    private static partial Regex HeadingMarks();

    /// <summary>("Danaos"), (the "Company"), (“Paltalk,” the “Company,” “we”): what a release calls the company, after its name.</summary>
    [GeneratedRegex(@"\s*\((?:[^()]*[""“”][^()]*)\)\s*(?:,\s*)?", RegexOptions.RightToLeft)]
    private static partial Regex Alias();

    // Without backtracking: a lazy name before a run of spaces is otherwise tried at every space (seconds on a 64 KB run).
    [GeneratedRegex(@"^(.+?)\s+(?:Reports?|Announces?|Posts?|REPORTS?|ANNOUNCES?|POSTS?)\b", RegexOptions.NonBacktracking)]
    private static partial Regex NameBeforeVerb();
}
