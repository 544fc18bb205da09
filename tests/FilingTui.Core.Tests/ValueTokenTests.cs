using FilingTui.Core.Tables;

namespace FilingTui.Core.Tests;

public class ValueTokenTests
{
    [Theory]
    [InlineData("(5,412))", -5412)]
    [InlineData("(19", -19)]
    [InlineData("$(0.23", -0.23)]
    [InlineData("7,778", 7778)]
    [InlineData("-", 0)]
    [InlineData("_", 0)]
    [InlineData("—", 0)]
    [InlineData("0.11", 0.11)]
    public void Parses_mangled_numbers(string text, double expected)
    {
        var cell = ValueTokens.ParseCell(text);
        cell.Should().NotBeNull().And.HaveCount(1);
        cell![0].Value.Should().Be((decimal)expected);
    }

    [Theory]
    [InlineData("$")]
    [InlineData("Ψ")]
    public void Currency_and_debris_are_noise(string text) => ValueTokens.ParseCell(text).Should().BeEmpty();

    [Theory]
    [InlineData(")")]
    [InlineData("))")]
    [InlineData("(a)")]
    [InlineData("$ )")]
    public void A_closing_parenthesis_or_a_letter_footnote_carries_no_value(string text) => ValueTokens.ParseCell(text).Should().BeEmpty();

    [Fact]
    public void A_negative_split_over_two_cells_reads_as_one_value()
    {
        var line = PrintedLine.Parse(0, 1, "General corporate expense\t(1,269\t)\t(753\t)");
        line.Kind.Should().Be(LineKind.Row);
        line.Values.Select(v => v.Value).Should().Equal(-1269m, -753m);
    }

    [Fact]
    public void A_footnote_mark_after_a_value_is_a_token_of_its_own() =>
        ValueTokens.ParseCell("$ 12,593(1)").Should().NotBeNull().And.Subject.Select(v => v.Value).Should().Equal(12593m, -1m);

    [Fact]
    public void A_word_is_not_a_value() => ValueTokens.ParseCell("Total").Should().BeNull();

    [Fact]
    public void Two_values_in_one_cell() => ValueTokens.ParseCell("$ (0.21) $(0.23").Should().HaveCount(2);

    [Fact]
    public void A_cell_is_read_the_same_with_or_without_the_shortcut_for_words()
    {
        // ParseCell answers a cell that starts with a word at once; any cell must read as the full token-by-token
        // reading reads it (null when a token is a word, else every token's value).
        static List<ValueToken>? Full(string cell)
        {
            var list = new List<ValueToken>();
            foreach (var tok in ValueTokens.SplitTokens(ValueTokens.StripNoise(cell)))
            {
                if (ValueTokens.CarriesNoValue(tok))
                {
                    continue;
                }

                if (tok == "%" && list.Count > 0 && !list[^1].IsDash)
                {
                    list[^1] = list[^1] with { IsPercent = true, Raw = list[^1].Raw + "%" };
                    continue;
                }

                if (!ValueTokens.TryParse(tok, out var v))
                {
                    return null;
                }

                list.Add(v);
            }

            return list;
        }

        var random = new Random(11);
        string[] pieces = ["1", "23", "4,567", ".5", "(", ")", "[", "-", "_", "—", "–", "nil", "n", "a", "Total", "$", "Ψ", "•", "%", " ", "\t", "\u00A0", "\u2009", "\u3000", "x", "(a)", "))"];
        for (var n = 0; n < 20_000; n++)
        {
            var cell = string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            var expected = Full(cell);
            var actual = ValueTokens.ParseCell(cell);
            if (expected is null)
            {
                actual.Should().BeNull($"for \"{cell}\"");
            }
            else
            {
                actual.Should().Equal(expected, $"for \"{cell}\"");
            }
        }
    }
}
