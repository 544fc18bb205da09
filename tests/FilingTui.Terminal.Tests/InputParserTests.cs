using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Tests;

public class InputParserTests
{
    private static List<InputEvent> Feed(string s, long now = 0) => new InputParser().Feed(System.Text.Encoding.UTF8.GetBytes(s), now);

    [Theory]
    [InlineData("\u001b[A", KeyCode.Up)]
    [InlineData("\u001b[B", KeyCode.Down)]
    [InlineData("\u001bOP", KeyCode.F1)]
    [InlineData("\u001b[15~", KeyCode.F5)]
    [InlineData("\u001b[21~", KeyCode.F10)]
    [InlineData("\u001b[5~", KeyCode.PageUp)]
    [InlineData("\u001b[6~", KeyCode.PageDown)]
    [InlineData("\u001b[H", KeyCode.Home)]
    [InlineData("\r", KeyCode.Enter)]
    [InlineData("\u007f", KeyCode.Backspace)]
    public void Sequences_become_keys(string input, KeyCode code) => Feed(input).Single().Key!.Value.Code.Should().Be(code);

    [Fact]
    public void Shift_tab_alt_letter_and_ctrl_letter()
    {
        Feed("\u001b[Z").Single().Key.Should().Be(Key.BackTab);
        Feed("\u001bf").Single().Key.Should().Be(Key.AltChar('f'));
        Feed("\u0003").Single().Key.Should().Be(Key.CtrlChar('c'));
    }

    [Fact]
    public void A_lone_escape_counts_only_after_the_timeout()
    {
        var parser = new InputParser();
        parser.Feed([0x1b], 1000).Should().BeEmpty();
        parser.Flush(1020).Should().BeEmpty();
        parser.Flush(1000 + InputParser.EscTimeoutMs).Single().Key.Should().Be(Key.Esc);
    }

    [Fact]
    public void An_escape_sequence_split_across_reads_is_one_key()
    {
        var parser = new InputParser();
        parser.Feed([0x1b, (byte)'['], 0).Should().BeEmpty();
        parser.Feed([(byte)'B'], 5).Single().Key.Should().Be(Key.Down);
    }

    [Fact]
    public void Bracketed_paste_is_text()
    {
        var events = Feed("\u001b[200~q:/\u001b[A\u001b[201~j");
        events.Should().HaveCount(2);
        events[0].Paste.Should().Be("q:/\u001b[A");
        events[1].Key.Should().Be(Key.Char('j'));
    }

    [Fact]
    public void Utf8_characters_are_single_keys() => Feed("é").Single().Key.Should().Be(Key.Char('é'));
}
