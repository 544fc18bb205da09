namespace FilingTui.Core.Import;

/// <summary>Whitespace runs as one space, as Regex.Replace(s, @"\s+", " ") does, without a regex or a copy when there is nothing to change.</summary>
public static class Whitespace
{
    public static string Collapse(string s)
    {
        var i = 0;
        for (; i < s.Length; i++)
        {
            // The first place that needs a change: a whitespace character other than a lone space.
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || (i + 1 < s.Length && char.IsWhiteSpace(s[i + 1]))))
            {
                break;
            }
        }

        if (i == s.Length)
        {
            return s;
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
