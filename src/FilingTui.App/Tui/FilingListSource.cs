using FilingTui.Data;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Views;

namespace FilingTui.App.Tui;

/// <summary>
/// The filing list, read from the store a block at a time by key (never OFFSET from the top when a
/// neighbouring block is known), so a million filings scroll as fast as three.
/// </summary>
public sealed class FilingListSource : IListDataSource
{
    private const int BlockSize = 100;
    private readonly FilingStore _store;
    private readonly Dictionary<int, IReadOnlyList<FilingSummary>> _blocks = [];
    private readonly string? _filter;

    public int Count { get; }

    public FilingListSource(FilingStore store, string? filter = null)
    {
        _store = store;
        _filter = filter;
        Count = (int)Math.Min(int.MaxValue, filter is null ? store.Count() : store.CountMatching(filter));
    }

    public FilingSummary? Get(int index)
    {
        if (index < 0 || index >= Count)
        {
            return null;
        }

        var block = index / BlockSize;
        if (!_blocks.TryGetValue(block, out var rows))
        {
            rows = Load(block);
            if (_blocks.Count > 64)
            {
                _blocks.Clear();
            }

            _blocks[block] = rows;
        }

        var i = index % BlockSize;
        return i < rows.Count ? rows[i] : null;
    }

    private IReadOnlyList<FilingSummary> Load(int block)
    {
        if (block == 0)
        {
            return _store.Page(null, BlockSize, _filter);
        }

        if (_blocks.TryGetValue(block - 1, out var before) && before.Count > 0)
        {
            return _store.Page(new PageKey(before[^1].SortDate, before[^1].Id), BlockSize, _filter);
        }

        if (_blocks.TryGetValue(block + 1, out var after) && after.Count > 0)
        {
            return _store.PageBefore(new PageKey(after[0].SortDate, after[0].Id), BlockSize, _filter);
        }

        // Far from any block read: count from whichever end is nearer.
        var offset = block * BlockSize;
        var take = Math.Min(BlockSize, Count - offset);
        return offset > Count / 2 ? _store.PageFromEnd(Count - offset - take, take, _filter) : _store.PageAt(offset, BlockSize, _filter);
    }

    public int IndexOf(long id)
    {
        // The first page is read to draw the list anyway, and most often holds the filing: counting the filings
        // newer than one at the top still walks every filing of its day.
        if (_blocks.Count == 0)
        {
            Get(0);
        }

        foreach (var (block, rows) in _blocks)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                if (rows[i].Id == id)
                {
                    return (block * BlockSize) + i;
                }
            }
        }

        var position = _store.PositionOf(id, _filter);
        return position is long p && p < Count ? (int)p : -1;
    }

    public string Render(int index, int width)
    {
        if (Get(index) is not FilingSummary s)
        {
            return "";
        }

        var who = string.IsNullOrEmpty(s.Ticker) ? s.Company : s.Ticker;
        var period = s.FiscalQuarter is int q && s.FiscalYear is int y ? $"Q{q} FY{y % 100:00}" : s.CalendarLabel;
        who = who.Length > 8 ? who[..8] : who;
        var left = $"{s.SortDate} {who}";
        var right = $" {period} {Format.StatusMark(s.Status)}";
        var room = width - TextWidth.Of(right);
        return TextWidth.PadRight(left, Math.Max(0, room)) + right;
    }
}
