using System.Diagnostics;
using FilingTui.Data;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;

namespace FilingTui.App.Tui;

/// <summary>
/// Imports in the background on its own store connection (WAL lets the UI keep reading), one transaction per
/// filing; Esc cancels between filings, so what was imported stays and nothing is half-written.
/// </summary>
public sealed class ImportProgress : Dialog
{
    private readonly ProgressBar _bar = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _done;
    private int _total;
    private string _current = "";

    public List<ImportResult> Results { get; } = [];

    public bool Cancelled => _cancel.IsCancellationRequested;

    public event Action<ImportProgress>? Finished;

    public ImportProgress() : base("Importing")
    {
        PreferredHeight = 8;
        PreferredWidth = 76;
    }

    public Task Start(string storePath, IReadOnlyList<string> paths)
    {
        var app = App!;
        return Task.Run(() =>
        {
            try
            {
                var (files, missing) = Importer.Expand(paths);
                using var store = FilingStore.Open(storePath);
                lock (Results)
                {
                    Results.AddRange(missing.Select(m => store.LogFailure(m.Path, m.Message!)));
                }

                _total = files.Count;
                Importer.ImportAll(store, files, result =>
                {
                    lock (Results)
                    {
                        Results.Add(result);
                    }

                    _current = result.Path;
                    Interlocked.Increment(ref _done);
                    app.Invoke(SetNeedsDraw);
                }, _cancel.Token);
            }
            catch (StoreException ex)
            {
                lock (Results)
                {
                    Results.Add(new ImportResult(storePath, ImportOutcome.Failed, null, ex.Message));
                }
            }

            app.Invoke(() =>
            {
                Close();
                Finished?.Invoke(this);
            });
        });
    }

    public override bool ProcessKey(Key key)
    {
        if (key.Code == KeyCode.Esc)
        {
            _cancel.Cancel();
            SetNeedsDraw();
        }

        return true;
    }

    protected override void DrawContent(CellBuffer buffer, Rect inner)
    {
        var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        buffer.Put(inner.X + 1, inner.Y, $"{_done} of {_total} files · {_done / seconds:0.0} files/s", Scheme.Normal, inner);
        buffer.Put(inner.X + 1, inner.Y + 1, TextWidth.Truncate(_current, inner.Width - 2), Scheme.Dim, inner);
        _bar.Frame = new Rect(inner.X + 1, inner.Y + 3, inner.Width - 2, 1);
        _bar.Fraction = _total == 0 ? 0 : (double)_done / _total;
        _bar.Draw(buffer);
        buffer.Put(inner.X + 1, inner.Bottom - 1, Cancelled ? "Cancelling after the current file..." : "Esc Cancel (what is imported stays)", Scheme.Dim, inner);
    }
}
