using FilingTui.Core.Model;

namespace FilingTui.Core.Import;

/// <summary>
/// Keeps a filing's diagnostics readable: a pathological file (100 MB of repeated pages gave 56,617 page-header
/// notes) keeps the first few of each code and one more that says how many like them were left out and where,
/// at the most severe level among them, so the filing's status is what it would have been.
/// </summary>
public static class DiagnosticCap
{
    public const int PerCode = 20;

    public static void Apply(List<Diagnostic> diagnostics)
    {
        var byCode = diagnostics.GroupBy(d => d.Code).Where(g => g.Count() > PerCode).ToList();
        foreach (var group in byCode)
        {
            var dropped = group.Skip(PerCode).ToList();
            var last = group.ElementAt(PerCode - 1);
            var lines = dropped.Where(d => d.Line is not null).Select(d => d.Line!.Value).ToList();
            var where = lines.Count == 0 ? "" : $" (lines {lines.Min():N0} to {lines.Max():N0})";
            var summary = new Diagnostic(dropped.Max(d => d.Severity), group.Key, $"{dropped.Count:N0} more like the above{where}; only the first {PerCode} are listed");
            var keep = new HashSet<Diagnostic>(dropped, ReferenceEqualityComparer.Instance);
            diagnostics.RemoveAll(keep.Contains);
            diagnostics.Insert(diagnostics.FindIndex(d => ReferenceEquals(d, last)) + 1, summary);
        }
    }
}
