using FilingTui.Terminal.Drawing;

namespace FilingTui.Terminal.Views;

/// <summary>
/// The help overlay's text, generated from what is bound: the application's shortcuts by group, the menus'
/// hotkeys, and each pane's own key bindings. Nothing here is written by hand, so help cannot drift from the keys.
/// </summary>
public static class KeyHelp
{
    public static List<StyledParagraph> Build(Application app)
    {
        var sections = new List<(string Heading, List<(string Keys, string Help)> Rows)>();
        foreach (var group in app.Shortcuts.All.GroupBy(s => s.Group))
        {
            sections.Add((group.Key, [.. group.Select(s => (s.KeyText, s.Help))]));
        }

        if (app.MenuBar is MenuBar bar && bar.Menus.Count > 0)
        {
            var rows = new List<(string, string)> { ("F10", "Open the menus (←→ between them, Enter or a letter runs, Esc closes)") };
            rows.AddRange(bar.Menus.Where(m => m.HotKey is not null).Select(m => ($"Alt+{char.ToUpperInvariant(m.HotKey!.Value)}", $"{m.Text} menu: " + string.Join(", ", m.Items.Select(i => i.Text)))));
            sections.Add(("Menus", rows));
        }

        foreach (var view in app.Views.Where(v => v.CanFocus && v.KeyBindings.All.Count > 0))
        {
            // Several keys for one command (↓ and j) are listed together, with the help the binding gave.
            var rows = view.KeyBindings.All
                .GroupBy(b => b.Command)
                .Where(g => g.Any(b => b.Help.Length > 0))
                .Select(g => (string.Join(", ", g.Select(b => b.Key.ToString())), g.First(b => b.Help.Length > 0).Help))
                .ToList();
            if (rows.Count > 0)
            {
                sections.Add(($"In the {view.Title.Trim()} pane", rows));
            }
        }

        var width = sections.SelectMany(s => s.Rows).Select(r => TextWidth.Of(r.Keys)).DefaultIfEmpty(0).Max();
        var lines = new List<StyledParagraph>();
        foreach (var (heading, rows) in sections)
        {
            if (lines.Count > 0)
            {
                lines.Add(new StyledParagraph(""));
            }

            lines.Add(new StyledParagraph(heading, LineStyle.Heading));
            lines.AddRange(rows.Select(r => new StyledParagraph($"  {TextWidth.PadRight(r.Keys, width)}  {r.Help}")));
        }

        return lines;
    }
}
