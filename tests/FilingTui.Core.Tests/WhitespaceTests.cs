using System.Text.RegularExpressions;
using FilingTui.Core.Import;

namespace FilingTui.Core.Tests;

public sealed class WhitespaceTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("Total revenues", "Total revenues")]
    [InlineData("  Total \t revenues  ", " Total revenues ")]
    [InlineData("a\u00A0\u00A0b\u2028c\r\nd", "a b c d")]
    [InlineData("\t", " ")]
    [InlineData("a ", "a ")]
    public void Runs_of_whitespace_become_one_space(string text, string expected) => Whitespace.Collapse(text).Should().Be(expected);

    [Fact]
    public void It_reads_as_the_regex_it_replaces_on_any_text()
    {
        var random = new Random(7);
        const string Alphabet = "ab $.( \t\u00A0\u2009\n\r\u3000x";
        for (var n = 0; n < 20_000; n++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            Whitespace.Collapse(text).Should().Be(Regex.Replace(text, @"\s+", " "), $"for \"{Regex.Escape(text)}\"");
        }
    }

    [Fact]
    public void Text_without_a_change_is_returned_as_is()
    {
        var text = "Net loss per common share, basic and diluted";
        Whitespace.Collapse(text).Should().BeSameAs(text);
    }
}
