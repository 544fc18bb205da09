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

    [Fact]
    public void A_word_is_not_a_value() => ValueTokens.ParseCell("Total").Should().BeNull();

    [Fact]
    public void Two_values_in_one_cell() => ValueTokens.ParseCell("$ (0.21) $(0.23").Should().HaveCount(2);
}
