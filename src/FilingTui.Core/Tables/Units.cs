using System.Text.RegularExpressions;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>
/// A units line ("in thousands, except per share amounts", "in millions, except share amounts which are reflected
/// in thousands and per share amounts") as a scale for each kind of row.
/// </summary>
public sealed partial record Units(int Amount, int Shares, int PerShare)
{
    public static readonly Units None = new(1, 1, 1);

    /// <summary>"(in thousands, except ...)", and thousands written as a currency's "'000s": "(In EUR'000s)", "Amounts in 000's".</summary>
    [GeneratedRegex(@"\b(?:in|dollars in|amounts in|\$\s*in)\s+(?:(?<s>thousands|millions|billions)\b|(?:[A-Z]{3}\s?|[$€£]\s?)?(?<k>'000s|000's|'000)(?![\w']))(?<rest>[^)\n]{0,160})", RegexOptions.IgnoreCase)]
    private static partial Regex UnitsPhrase();

    [GeneratedRegex(@"shares?\b[^;)]{0,40}?\b(?:in|reflected in|stated in|are in)\s+(?<s>thousands|millions)", RegexOptions.IgnoreCase)]
    private static partial Regex SharesIn();

    [GeneratedRegex(@"except\s+(?:for\s+)?(?:number of\s+)?shares?\b|except\s+share(?:s)?\s+and\s+per|except\s+per[- ]share\s+and\s+share", RegexOptions.IgnoreCase)]
    private static partial Regex ExceptShares();

    public static bool IsUnitsLine(string text) => text.Length < 400 && UnitsPhrase().IsMatch(text);

    public static Units? Parse(string text)
    {
        var m = UnitsPhrase().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var amount = m.Groups["k"].Success ? 1000 : ScaleOf(m.Groups["s"].Value);
        var rest = m.Groups["rest"].Value;
        var shares = amount;
        if (SharesIn().Match(rest) is { Success: true } sm)
        {
            shares = ScaleOf(sm.Groups["s"].Value);
        }
        else if (ExceptShares().IsMatch(rest))
        {
            shares = 1;
        }

        return new Units(amount, shares, 1);
    }

    private static int ScaleOf(string word) => word.ToLowerInvariant() switch
    {
        "thousands" => 1000,
        "millions" => 1_000_000,
        "billions" => 1_000_000_000,
        _ => 1,
    };

    public int For(RowUnit unit) => unit switch
    {
        RowUnit.UsdPerShare => PerShare,
        RowUnit.Shares => Shares,
        _ => Amount,
    };
}
