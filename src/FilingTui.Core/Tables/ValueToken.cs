using System.Globalization;
using System.Text.RegularExpressions;

namespace FilingTui.Core.Tables;

/// <summary>A printed number cell: its value with sign applied, and the text it came from.</summary>
public readonly record struct ValueToken(decimal Value, string Raw, bool IsDash, bool IsPercent, bool HasGrouping)
{
    /// <summary>
    /// Past a quintillion no statement prints an amount (the largest, in yen or whole dollars, are under 10^15): such a
    /// cell is a misprint or garbage, and kept as a value it would overflow the sums the checks take.
    /// </summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000_000m;

    public bool IsTooLarge => Math.Abs(Value) > MaxMagnitude;

    /// <summary>"2005": a bare four-digit year, which in a header names a column rather than a value.</summary>
    public bool LooksLikeYear => !HasGrouping && !IsDash && !IsPercent && Value is >= 1900 and <= 2100 && decimal.Truncate(Value) == Value && !Raw.Contains('(') && !Raw.Contains('.');
}

/// <summary>
/// Cell text to numbers, forgiving the ways OCR and text renderings mangle them: "(5,412))" and "(19" are negative,
/// "$(0.23" is -0.23, a dash or underscore is zero, a lone "$" or "Ψ" is noise.
/// </summary>
public static partial class ValueTokens
{
    [GeneratedRegex(@"^(?<open>[(\[]*)-?(?<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+)(?<close>[)\]]*)(?<pct>%?)[)\]]*$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:-{1,3}|_{1,3}|—|–|―|‒|nil)$")]
    private static partial Regex Dash();

    /// <summary>Characters that stand beside numbers but carry no value: currency signs, OCR debris, bullets.</summary>
    public static bool IsNoiseChar(char c) => c is '$' or 'Ψ' or '•' or '·' or '€' or '£' or '¥' or '*' or '¢' || c == '\u00A0';

    public static string StripNoise(string cell)
    {
        Span<char> buf = cell.Length <= 512 ? stackalloc char[cell.Length] : new char[cell.Length];
        var n = 0;
        foreach (var c in cell)
        {
            buf[n++] = IsNoiseChar(c) ? ' ' : c;
        }

        return new string(buf[..n]);
    }

    public static bool TryParse(string token, out ValueToken value)
    {
        value = default;
        var t = token.Trim();
        if (t.Length == 0)
        {
            return false;
        }

        if (Dash().IsMatch(t))
        {
            value = new ValueToken(0m, t, true, false, false);
            return true;
        }

        var m = Number().Match(t);
        if (!m.Success)
        {
            return false;
        }

        var digits = m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
        {
            return false;
        }

        var negative = m.Groups["open"].Length > 0 || m.Groups["close"].Length > 0 || t.StartsWith('-') || t.Contains("(-", StringComparison.Ordinal);
        value = new ValueToken(negative ? -v : v, t, false, m.Groups["pct"].Length > 0, m.Groups["num"].Value.Contains(','));
        return true;
    }

    /// <summary>All tokens of a cell as values, or null when any token is a word.</summary>
    public static List<ValueToken>? ParseCell(string cell)
    {
        if (NotMeaningful(cell))
        {
            return [];
        }

        if (StartsWithWord(cell))
        {
            return null;
        }

        var list = new List<ValueToken>();
        foreach (var tok in SplitTokens(StripNoise(cell)))
        {
            if (CarriesNoValue(tok))
            {
                continue;
            }

            // "100.0 %": a percent sign printed apart from its number.
            if (tok == "%" && list.Count > 0 && !list[^1].IsDash)
            {
                list[^1] = list[^1] with { IsPercent = true, Raw = list[^1].Raw + "%" };
                continue;
            }

            if (!TryParse(tok, out var v))
            {
                return null;
            }

            list.Add(v);
        }

        return list;
    }

    /// <summary>
    /// A token that stands among values but is none: ")" closing a negative whose "(" a rendering put in the cell
    /// before ("(407 )"), or "(a)" marking a footnote. The parse and the value positions both pass over it.
    /// </summary>
    internal static bool CarriesNoValue(string token) =>
        token.AsSpan().TrimStart(')').IsEmpty || token is ")%"
        || (token.Length == 3 && token[0] == '(' && char.IsAsciiLetterLower(token[1]) && token[2] == ')');

    /// <summary>"(1)": a printed value of minus one, or a footnote marker; only the row's count of columns can tell.</summary>
    public static bool MayBeFootnote(ValueToken v) => v.Raw.Length == 3 && v.Raw[0] == '(' && char.IsAsciiDigit(v.Raw[1]) && v.Raw[2] == ')';

    /// <summary>"n/m", "NM", "N/A": a blank cell with a reason, most often under a percentage change. ("NA" is left alone: it can be a label.)</summary>
    private static bool NotMeaningful(string cell)
    {
        var t = cell.AsSpan().Trim();
        return t.Length is >= 2 and <= 4 && (t.Equals("nm", StringComparison.OrdinalIgnoreCase) || t.Equals("n/m", StringComparison.OrdinalIgnoreCase)
            || t.Equals("n.m.", StringComparison.OrdinalIgnoreCase) || t.Equals("n/a", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether the cell's first printed character (past noise and white space) cannot begin a number or a dash, so
    /// its first token is a word: most cells the parser sees are prose, and this answers them without a copy, a
    /// split and two regex calls. Exactly the cells whose first token <see cref="TryParse"/> refuses for that reason.
    /// </summary>
    private static bool StartsWithWord(string cell)
    {
        foreach (var c in cell)
        {
            if (!IsNoiseChar(c) && !char.IsWhiteSpace(c))
            {
                return !(char.IsAsciiDigit(c) || c is '(' or ')' or '[' or '-' or '.' or '_' or '—' or '–' or '―' or '‒' or 'n');
            }
        }

        return false;
    }

    /// <summary>Splits on white space, and also between a closing parenthesis and the next number, "(0.21)(0.23)", and before a footnote mark, "12,593(1)".</summary>
    public static IEnumerable<string> SplitTokens(string s)
    {
        foreach (var part in s.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            for (var i = 1; i < part.Length; i++)
            {
                if ((part[i - 1] == ')' && (part[i] == '(' || char.IsAsciiDigit(part[i]))) || (part[i] == '(' && char.IsAsciiDigit(part[i - 1])))
                {
                    yield return part[start..i];
                    start = i;
                }
            }

            yield return part[start..];
        }
    }
}
