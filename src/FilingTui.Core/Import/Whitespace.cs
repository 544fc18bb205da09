namespace FilingTui.Core.Import;

/// <summary>Whitespace runs as one space, as Regex.Replace(s, @"\s+", " ") does, without a regex or a copy when there is nothing to change.</summary>
public static class Whitespace
{
    /// <summary>Every character char.IsWhiteSpace accepts but the space.</summary>
    private static readonly System.Buffers.SearchValues<char> OtherWhitespace =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 0x10000).Where(c => c != ' ' && char.IsWhiteSpace((char)c)).Select(c => (char)c)]);

    public static string Collapse(string s)
    {
        // The first place that needs a change: a whitespace character other than a space, or a space before whitespace.
        var span = s.AsSpan();
        var other = span.IndexOfAny(OtherWhitespace);
        var i = span[..(other < 0 ? span.Length : other)].IndexOf("  ");
        if (i < 0)
        {
            if (other < 0)
            {
                return s;
            }

            i = other > 0 && span[other - 1] == ' ' ? other - 1 : other;
        }

        var sb = new System.Text.StringBuilder(s.Length);
        sb.Append(s, 0, i);
        var inRun = false;
        for (; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                if (!inRun)
                {
                    sb.Append(' ');
                    inRun = true;
                }
            }
            else
            {
                sb.Append(s[i]);
                inRun = false;
            }
        }

        return sb.ToString();
    }
}
