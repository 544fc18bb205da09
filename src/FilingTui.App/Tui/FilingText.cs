using FilingTui.Core.Model;
using FilingTui.Terminal.Views;

namespace FilingTui.App.Tui;

public enum TextMode
{
    BusinessUpdates,
    AllSections,
    Raw,
}

/// <summary>What the text pane shows for a filing in each mode.</summary>
public static class FilingText
{
    private static readonly SectionKind[] Narrative = [SectionKind.BusinessUpdate, SectionKind.Guidance, SectionKind.Quote, SectionKind.FinancialResults];

    public static List<StyledParagraph> Build(Filing f, TextMode mode)
    {
        var list = new List<StyledParagraph>();
        if (mode == TextMode.Raw)
        {
            list.AddRange(f.Text.Split('\n').Select(l => new StyledParagraph(l.TrimEnd())));
            return list;
        }

        // The pane is "Business updates": those first, then guidance, quotes and the results narrative.
        var sections = mode == TextMode.AllSections ? f.Sections : [.. f.Sections.Where(s => Narrative.Contains(s.Kind)).OrderBy(s => Array.IndexOf(Narrative, s.Kind))];
        if (sections.Count == 0)
        {
            list.Add(new StyledParagraph("No business updates were found in this filing. Press r for its raw text, a for every section.", LineStyle.Dim));
        }

        foreach (var s in sections)
        {
            if (list.Count > 0)
            {
                list.Add(new StyledParagraph(""));
            }

            var heading = mode == TextMode.AllSections ? $"{s.Heading}  [{s.Kind.ToKey()}]" : s.Heading;
            list.Add(new StyledParagraph(heading, LineStyle.Heading));
            foreach (var p in s.Text.Split("\n\n"))
            {
                if (p.Length == 0)
                {
                    continue;
                }

                list.Add(new StyledParagraph(""));
                list.Add(p.StartsWith("• ", StringComparison.Ordinal) ? new StyledParagraph(p[2..], LineStyle.Bullet) : new StyledParagraph(p));
            }
        }

        var warnings = f.Diagnostics.Where(d => d.Severity >= Severity.Warning).ToList();
        if (warnings.Count > 0 && mode == TextMode.AllSections)
        {
            list.Add(new StyledParagraph(""));
            list.Add(new StyledParagraph("Import warnings", LineStyle.Heading));
            list.AddRange(warnings.Select(w => new StyledParagraph(w.ToString(), LineStyle.Warning)));
        }

        return list;
    }
}
