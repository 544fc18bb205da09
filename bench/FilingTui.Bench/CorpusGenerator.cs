using System.Globalization;
using System.Text.RegularExpressions;

namespace FilingTui.Bench;

/// <summary>
/// N filings derived from the samples: another company name and ticker, periods shifted by whole years, and every
/// amount multiplied by one whole factor (so totals still add up). Ground truth: the sample's golden values times
/// the factor.
/// </summary>
public static class CorpusGenerator
{
    public static string Make(string sample, int i)
    {
        var factor = 1 + (i % 7);
        var shift = i % 15;
        var text = sample.Replace("ImmunoGen", $"Company{i:D7}", StringComparison.Ordinal).Replace("IMMUNOGEN", $"COMPANY{i:D7}", StringComparison.Ordinal).Replace("IMGN", $"C{i % 100000:D5}", StringComparison.Ordinal);
        text = Regex.Replace(text, @"\b(19[89]\d|20[0-2]\d)\b", m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + shift).ToString(CultureInfo.InvariantCulture));
        text = Regex.Replace(text, @"(?<![\d.])(\d{1,3}(?:,\d{3})+)(?![\d.])", m =>
            (long.Parse(m.Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) * factor).ToString("#,0", CultureInfo.InvariantCulture));
        return text + $"\n\nGenerated filing {i}.\n";
    }

    public static List<string> Write(string folder, IReadOnlyList<string> samples, int count)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var path = Path.Combine(folder, $"filing-{i:D7}.txt");
            File.WriteAllText(path, Make(samples[i % samples.Count], i));
            files.Add(path);
        }

        return files;
    }
}
