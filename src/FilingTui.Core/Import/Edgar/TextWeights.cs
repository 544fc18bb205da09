using AngleSharp.Dom;

namespace FilingTui.Core.Import.Edgar;

/// <summary>
/// How much visible text each element of a page holds, and a fingerprint of that text, found in one pass from the
/// leaves up. The page chrome rules weigh an element against the page by it; the renderer knows a block printed
/// twice (a page's mobile and desktop copies of the same paragraphs, one hidden by a style sheet we do not run) by
/// its fingerprint. One pass, no recursion: a page nested a hundred thousand deep costs what a flat one does.
/// </summary>
internal sealed class TextWeights
{
    private const ulong Base = 1_099_511_628_211UL;

    private readonly Dictionary<IElement, (int Length, ulong Hash)> _weights = new(ReferenceEqualityComparer.Instance);

    private TextWeights()
    {
    }

    /// <summary>The visible characters of the page, spaces left out.</summary>
    public int Total { get; private set; }

    /// <summary>Non-space characters under <paramref name="e"/>, not counting what is never shown (scripts, styles).</summary>
    public int Length(IElement e) => _weights.TryGetValue(e, out var w) ? w.Length : 0;

    /// <summary>A fingerprint of the element's text, spaces left out, so the same words indented apart still match.</summary>
    public ulong Hash(IElement e) => _weights.TryGetValue(e, out var w) ? w.Hash : 0;

    public double Share(IElement e) => Total == 0 ? 0 : (double)Length(e) / Total;

    public static TextWeights Of(IElement root, Func<IElement, bool> invisible)
    {
        var weights = new TextWeights();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is not IElement e)
            {
                continue;
            }

            if (!exit)
            {
                if (invisible(e))
                {
                    continue;
                }

                stack.Push((e, true));
                for (var i = e.ChildNodes.Length - 1; i >= 0; i--)
                {
                    if (e.ChildNodes[i] is IElement)
                    {
                        stack.Push((e.ChildNodes[i], false));
                    }
                }

                continue;
            }

            // Children are done: combine their weights and the text between them, in document order.
            var length = 0;
            var hash = 0UL;
            foreach (var child in e.ChildNodes)
            {
                if (child is IText t)
                {
                    foreach (var c in t.Data)
                    {
                        if (!char.IsWhiteSpace(c) && c != '\u200B')
                        {
                            hash = (hash * Base) + c;
                            length++;
                        }
                    }
                }
                else if (child is IElement ce && weights._weights.TryGetValue(ce, out var w) && w.Length > 0)
                {
                    hash = (hash * Power(w.Length)) + w.Hash;
                    length += w.Length;
                }
            }

            weights._weights[e] = (length, hash);
        }

        weights.Total = weights.Length(root);
        return weights;
    }

    /// <summary>Base to the power <paramref name="n"/> (mod 2^64), so a child's fingerprint shifts as its characters would.</summary>
    private static ulong Power(int n)
    {
        var result = 1UL;
        var b = Base;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                result *= b;
            }

            b *= b;
            n >>= 1;
        }

        return result;
    }
}
