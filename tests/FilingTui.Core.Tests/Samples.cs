using System.Text.Json.Nodes;
using FilingTui.Core.Import;
using FilingTui.Core.Model;

namespace FilingTui.Core.Tests;

/// <summary>The sample filings (data/samples, copied next to the tests) and their golden extractions.</summary>
public static class Samples
{
    public static readonly string[] Names = ["immunogen-2005-09-30-8k", "immunogen-2003-03-31-8k", "immunogen-2010-12-31-release"];

    public static string Dir => Path.Combine(AppContext.BaseDirectory, "samples");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Dir, name + ".txt"));

    public static string Text(string name) => File.ReadAllText(Path.Combine(Dir, name + ".txt"));

    public static JsonObject Golden(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name + ".json")))!.AsObject();

    public static Filing Parse(string name) => ImportPipeline.Parse(Bytes(name)).Filing!;

    public static IEnumerable<object[]> All => Names.Select(n => new object[] { n });
}
