using FilingTui.Core.Model;

namespace FilingTui.Core.Tables;

/// <summary>A table as printed: its title and context, its header lines and its body lines, not yet interpreted.</summary>
public sealed class RawTable
{
    public required int StartIndex { get; init; }
    public required int SourceLine { get; init; }
    public required string Title { get; set; }
    public StatementKind Kind { get; set; }
    public bool HasStatementTitle { get; init; }
    public List<string> Context { get; } = [];
    public List<PrintedLine> Headers { get; } = [];
    public List<PrintedLine> Body { get; } = [];
    public Units Units { get; set; } = Units.None;
    public bool UnitsStated { get; set; }

    public int EndIndex => Body.Count > 0 ? Body[^1].Index : Headers.Count > 0 ? Headers[^1].Index : StartIndex;

    /// <summary>
    /// How many leading body lines are known to hold no row. The extractor asks <see cref="HasRows"/> at every line,
    /// so a long run of label lines asked from the top each time is quadratic; it is answered from where it was
    /// left. This holds because body lines are only added and removed at the end and their kind is set before.
    /// </summary>
    private int _noRowsBefore;

    public bool HasRows
    {
        get
        {
            _noRowsBefore = Math.Min(_noRowsBefore, Body.Count);
            for (; _noRowsBefore < Body.Count; _noRowsBefore++)
            {
                if (Body[_noRowsBefore].Kind == LineKind.Row)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Label-only lines after the last row and a blank line belong to what follows the table.</summary>
    public void TrimTail()
    {
        var lastRow = Body.FindLastIndex(b => b.Kind is LineKind.Row or LineKind.ValuesOnly);
        var cut = -1;
        for (var i = lastRow + 1; i < Body.Count; i++)
        {
            if (Body[i].PrecededByBlank)
            {
                cut = i;
                break;
            }
        }

        if (cut >= 0)
        {
            Body.RemoveRange(cut, Body.Count - cut);
        }
    }
}
