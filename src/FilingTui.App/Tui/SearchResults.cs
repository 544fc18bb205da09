using FilingTui.Data;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Views;

namespace FilingTui.App.Tui;

/// <summary>Search hits as list rows: date, company, section, then the snippet with the matched words highlighted.</summary>
public sealed class SearchResults(IReadOnlyList<SearchHit> hits) : IStyledListDataSource
{
    /// <summary>Marks the store puts around each match in a snippet; never shown, split out before drawing.</summary>
    public const string Open = "\u0001";
    public const string Close = "\u0002";

    public int Count => hits.Count;

    public SearchHit this[int index] => hits[index];

    public string Render(int index, int width) => string.Concat(RenderSpans(index, width).Select(s => s.Text));

    public IReadOnlyList<(string Text, bool Highlight)> RenderSpans(int index, int width)
    {
        var h = hits[index];

        // On a narrow screen the snippet matters more than the section's name: the heading goes first, then company room.
        var wide = width >= 110;
        var companyWidth = wide ? 18 : 10;
        var company = TextWidth.PadRight(TextWidth.Truncate(h.Company, companyWidth), companyWidth);
        var heading = wide ? TextWidth.PadRight(h.Heading.Length > 24 ? h.Heading[..23] + "…" : h.Heading, 24) + " " : "";
        var lead = $"{h.SortDate} {company} {heading}";
        var spans = new List<(string Text, bool Highlight)> { (lead, false) };
        var highlight = false;
        foreach (var piece in h.Snippet.ReplaceLineEndings(" ").Split([Open, Close], StringSplitOptions.None))
        {
            if (piece.Length > 0)
            {
                spans.Add((piece, highlight));
            }

            highlight = !highlight;
        }

        // The match must be in view: when the words before it would fill a third of the room, keep only their end.
        var keep = Math.Max(8, (width - TextWidth.Of(lead)) / 3);
        if (spans.Count > 2 && !spans[1].Highlight && spans[1].Text.Length > keep)
        {
            spans[1] = ("…" + spans[1].Text[^keep..].TrimStart(), false);
        }

        // Cut to the width here, so a long snippet never pushes a highlight past the edge half-drawn.
        var room = width;
        var fitted = new List<(string, bool)>();
        foreach (var (text, hi) in spans)
        {
            if (room <= 0)
            {
                break;
            }

            var part = TextWidth.Truncate(text, room);
            fitted.Add((part, hi));
            room -= TextWidth.Of(part);
        }

        return fitted;
    }
}
