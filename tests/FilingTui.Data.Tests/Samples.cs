using FilingTui.Data;

namespace FilingTui.Data.Tests;

/// <summary>The three sample filings the store tests import.</summary>
internal static class Samples
{
    public static readonly string[] Names = ["immunogen-2005-09-30-8k", "immunogen-2003-03-31-8k", "immunogen-2010-12-31-release"];

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name + ".txt");

    public static void ImportAll(FilingStore store)
    {
        foreach (var n in Names)
        {
            Import(store, n);
        }
    }

    public static void Import(FilingStore store, string name) => store.Import(PathOf(name), File.ReadAllBytes(PathOf(name))).Outcome.Should().Be(ImportOutcome.Imported);
}
