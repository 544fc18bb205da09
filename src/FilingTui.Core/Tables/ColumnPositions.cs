namespace FilingTui.Core.Tables;

/// <summary>
/// Where a table's columns stand on the page, learned from the rows that fill every column. A row with blank cells
/// ("Other income  45        90" under four columns) is then placed by where its values stand, not filled from
/// the left, which would put 90 under the second column.
/// </summary>
internal sealed class ColumnPositions
{
    private readonly int[] _columns;
    private readonly bool _fields;

    private ColumnPositions(int[] columns, bool fields)
    {
        _columns = columns;
        _fields = fields;
    }

    /// <summary>
    /// The columns' positions in one way of measuring (tab fields or characters), or null when fewer than two full rows
    /// measure that way or they do not agree: each column's position must be shared by more than half of them.
    /// </summary>
    public static ColumnPositions? Learn(IEnumerable<PrintedLine> rows, int n, bool fields)
    {
        var full = rows.Where(r => r.ValueCount == n && r.Positions is not null && r.PositionsAreFields == fields).ToList();
        if (full.Count < 2)
        {
            return null;
        }

        var slack = fields ? 0 : 1;
        var columns = new int[n];
        for (var c = 0; c < n; c++)
        {
            var at = full.Select(r => r.Positions![c]).Order().ToList();
            var median = at[at.Count / 2];
            if (at.Count(p => Math.Abs(p - median) <= slack) * 2 <= at.Count || (c > 0 && median <= columns[c - 1]))
            {
                return null;
            }

            columns[c] = median;
        }

        return new ColumnPositions(columns, fields);
    }

    /// <summary>
    /// The column of each of the line's values, or null when their positions do not decide it: a value between two
    /// columns, two values under one column, or a line measured the other way.
    /// </summary>
    public int[]? Place(PrintedLine line)
    {
        if (line.Positions is not { } positions || line.PositionsAreFields != _fields)
        {
            return null;
        }

        var placed = new int[positions.Count];
        for (var v = 0; v < positions.Count; v++)
        {
            var c = Nearest(positions[v]);
            if (c < 0 || (v > 0 && c <= placed[v - 1]))
            {
                return null;
            }

            placed[v] = c;
        }

        return placed;
    }

    /// <summary>The column standing at the position: exactly on a field, or within a third of the gap to its neighbour.</summary>
    private int Nearest(int position)
    {
        for (var c = 0; c < _columns.Length; c++)
        {
            var distance = position - _columns[c];
            if (_fields)
            {
                if (distance == 0)
                {
                    return c;
                }

                continue;
            }

            var neighbour = distance < 0 ? c - 1 : c + 1;
            var gap = neighbour >= 0 && neighbour < _columns.Length ? Math.Abs(_columns[neighbour] - _columns[c]) : c > 0 ? _columns[c] - _columns[c - 1] : _columns.Length > 1 ? _columns[1] - _columns[0] : 0;
            if (Math.Abs(distance) * 3 <= gap)
            {
                return c;
            }
        }

        return -1;
    }
}
