using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Views;

public enum LineStyle
{
    Normal,
    Heading,
    Bullet,
    Dim,
    Warning,
}

/// <summary>A paragraph of styled text for <see cref="TextView"/>.</summary>
public readonly record struct StyledParagraph(string Text, LineStyle Style = LineStyle.Normal);

/// <summary>
/// Read-only text wrapped to the view's width (the wrap is cached per width), with headings, indented bullets,
/// and search matches highlighted and stepped through with n/N.
/// </summary>
public sealed class TextView : View
{
    private IReadOnlyList<StyledParagraph> _paragraphs = [];
    private List<(string Text, LineStyle Style)>? _wrapped;
    private int _wrapWidth = -1;
    private string? _search;
    private List<(int Line, int Col)> _matches = [];
    private int _match = -1;

    public int TopLine { get; private set; }

    public int LineCount => Wrapped(Math.Max(1, Inner.Width)).Count;

    public TextView()
    {
        CanFocus = true;
        KeyBindings.AddNavigation();
        KeyBindings.Add(Key.Char('n'), Command.NextMatch, "Next match");
        KeyBindings.Add(Key.Char('N'), Command.PreviousMatch, "Previous match");
        AddCommand(Command.Up, () => Scroll(-1));
        AddCommand(Command.Down, () => Scroll(1));
        AddCommand(Command.PageUp, () => Scroll(-Math.Max(1, Inner.Height - 1)));
        AddCommand(Command.PageDown, () => Scroll(Math.Max(1, Inner.Height - 1)));
        AddCommand(Command.Start, () => Scroll(int.MinValue / 2));
        AddCommand(Command.End, () => Scroll(int.MaxValue / 2));
        AddCommand(Command.NextMatch, () => StepMatch(1));
        AddCommand(Command.PreviousMatch, () => StepMatch(-1));
    }

    public void SetText(IReadOnlyList<StyledParagraph> paragraphs)
    {
        _paragraphs = paragraphs;
        _wrapped = null;
        _wrapWidth = -1;
        TopLine = 0;
        _matches = [];
        _match = -1;
        if (_search is not null)
        {
            Search(_search);
        }

        SetNeedsDraw();
    }

    public void SetText(string text) => SetText([.. text.Split('\n').Select(l => new StyledParagraph(l))]);

    public string? SearchTerm => _search;

    public int MatchCount => _matches.Count;

    public int CurrentMatch => _match;

    /// <summary>Finds every occurrence (case-insensitive) and scrolls to the first; false when there is none.</summary>
    public bool Search(string? term)
    {
        _search = string.IsNullOrEmpty(term) ? null : term;
        _matches = [];
        _match = -1;
        if (_search is null)
        {
            return false;
        }

        var lines = Wrapped(Math.Max(1, Inner.Width));
        for (var i = 0; i < lines.Count; i++)
        {
            var idx = 0;
            while ((idx = lines[i].Text.IndexOf(_search, idx, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                _matches.Add((i, idx));
                idx += _search.Length;
            }
        }

        if (_matches.Count > 0)
        {
            _match = 0;
            ScrollTo(_matches[0].Line);
        }

        SetNeedsDraw();
        return _matches.Count > 0;
    }

    private bool StepMatch(int dir)
    {
        if (_matches.Count == 0)
        {
            return false;
        }

        _match = ((_match + dir) % _matches.Count + _matches.Count) % _matches.Count;
        ScrollTo(_matches[_match].Line);
        return true;
    }

    private void ScrollTo(int line)
    {
        var h = Math.Max(1, Inner.Height);
        if (line < TopLine || line >= TopLine + h)
        {
            TopLine = Math.Max(0, line - (h / 3));
        }

        SetNeedsDraw();
    }

    private bool Scroll(int delta)
    {
        var max = Math.Max(0, LineCount - Math.Max(1, Inner.Height));
        TopLine = (int)Math.Clamp((long)TopLine + delta, 0, max);
        SetNeedsDraw();
        return true;
    }

    private List<(string Text, LineStyle Style)> Wrapped(int width)
    {
        if (_wrapped is not null && _wrapWidth == width)
        {
            return _wrapped;
        }

        var result = new List<(string, LineStyle)>();
        foreach (var p in _paragraphs)
        {
            var indent = p.Style == LineStyle.Bullet ? "  " : "";
            var first = p.Style == LineStyle.Bullet ? "• " : "";
            var lines = Wrap(p.Text, width - indent.Length);
            if (lines.Count == 0)
            {
                result.Add(("", p.Style));
            }

            for (var i = 0; i < lines.Count; i++)
            {
                result.Add(((i == 0 ? first : indent) + lines[i], p.Style));
            }
        }

        _wrapped = result;
        _wrapWidth = width;
        return result;
    }

    /// <summary>Greedy word wrap by display width; words longer than the line are broken.</summary>
    public static List<string> Wrap(string text, int width)
    {
        width = Math.Max(1, width);
        var lines = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Replace('\t', ' ');
            if (line.Length == 0)
            {
                lines.Add("");
                continue;
            }

            var current = "";
            foreach (var word in line.Split(' '))
            {
                var w = word;
                while (TextWidth.Of(w) > width)
                {
                    if (current.Length > 0)
                    {
                        lines.Add(current);
                        current = "";
                    }

                    var head = TextWidth.Truncate(w, width);
                    if (head.Length == 0)
                    {
                        head = w[..1];
                    }

                    lines.Add(head);
                    w = w[head.Length..];
                }

                var candidate = current.Length == 0 ? w : current + " " + w;
                if (TextWidth.Of(candidate) <= width)
                {
                    current = candidate;
                }
                else
                {
                    lines.Add(current);
                    current = w;
                }
            }

            lines.Add(current);
        }

        return lines;
    }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        var lines = Wrapped(Math.Max(1, inner.Width));
        TopLine = Math.Clamp(TopLine, 0, Math.Max(0, lines.Count - inner.Height));
        for (var row = 0; row < inner.Height && TopLine + row < lines.Count; row++)
        {
            var (text, style) = lines[TopLine + row];
            var attr = style switch
            {
                LineStyle.Heading => Scheme.Heading.With(Style.Bold | Style.Underline),
                LineStyle.Dim => Scheme.Dim,
                LineStyle.Warning => Scheme.Warning,
                _ => Scheme.Normal,
            };
            buffer.Put(inner.X, inner.Y + row, text, attr, inner);
            if (_search is not null)
            {
                for (var m = 0; m < _matches.Count; m++)
                {
                    if (_matches[m].Line != TopLine + row)
                    {
                        continue;
                    }

                    var col = _matches[m].Col;
                    var x = inner.X + TextWidth.Of(text[..col]);
                    var hl = m == _match ? Scheme.Highlight.With(Style.Reverse | Style.Bold) : Scheme.Highlight.With(Style.Underline);
                    buffer.Put(x, inner.Y + row, text.Substring(col, Math.Min(_search.Length, text.Length - col)), hl, inner);
                }
            }
        }
    }
}
