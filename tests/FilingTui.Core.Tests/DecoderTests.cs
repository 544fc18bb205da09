using System.Text;
using FilingTui.Core.Import;

namespace FilingTui.Core.Tests;

public class DecoderTests
{
    [Fact]
    public void Empty_file_is_refused_with_a_reason() => SourceDecoder.Decode([]).Error.Should().Be("the file is empty");

    [Fact]
    public void Binary_is_refused_with_a_reason()
    {
        var bytes = new byte[4000];
        new Random(7).NextBytes(bytes);
        SourceDecoder.Decode(bytes).Error.Should().StartWith("it is binary data");
    }

    [Fact]
    public void Windows_1252_falls_back_and_keeps_the_text()
    {
        var bytes = new byte[] { (byte)'N', (byte)'e', (byte)'t', 0x96, (byte)' ', 0x93, (byte)'x', 0x94 };
        var d = SourceDecoder.Decode(bytes);
        d.Encoding.Should().Be("windows-1252");
        d.Text.Should().Be("Net– “x”");
    }

    [Fact]
    public void Utf16_with_bom_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Total revenues 7,778")).ToArray();
        SourceDecoder.Decode(bytes).Text.Should().Be("Total revenues 7,778");
    }

    [Fact]
    public void Escape_sequences_become_visible_pictures()
    {
        var d = SourceDecoder.Decode(Encoding.UTF8.GetBytes("Total revenues were $7.8 million \u001b[2J in the quarter; \u001b]52;c;AAAA\u0007 and more text follows here."));
        d.Text.Should().NotContain("\u001b").And.Contain("␛[2J").And.Contain("␇");
    }
}
