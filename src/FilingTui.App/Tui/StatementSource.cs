using FilingTui.Core.Model;
using FilingTui.Terminal.Views;

namespace FilingTui.App.Tui;

/// <summary>A statement as a table: label column, then one column per period.</summary>
public sealed class StatementSource(Statement statement) : ITableSource
{
    public Statement Statement { get; } = statement;

    public int Rows => Statement.Rows.Count;

    public int Columns => Statement.Columns.Count + 1;

    public string ColumnName(int column) => column == 0 ? "" : Format.ColumnHeader(Statement.Columns[column - 1]);

    public string Cell(int row, int column)
    {
        var r = Statement.Rows[row];
        if (column == 0)
        {
            return (r.Section is not null && !r.IsTotal ? "  " : "") + r.Label;
        }

        return Format.Value(column - 1 < r.Values.Length ? r.Values[column - 1] : null, r.Unit);
    }

    public Alignment Align(int column) => column == 0 ? Alignment.Left : Alignment.Right;

    public bool IsEmphasized(int row) => Statement.Rows[row].IsTotal;

    public bool IsMarked(int row) => Statement.Rows[row].CheckFailed;
}
