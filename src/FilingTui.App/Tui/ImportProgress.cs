using System.Diagnostics;
using FilingTui.Data;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;

namespace FilingTui.App.Tui;

/// <summary>
/// Runs a store job (import, re-parse) in the background on its own store connection (WAL lets the UI keep
/// reading), one transaction per filing; Esc cancels between filings, so what was done stays and nothing is
/// half-written.
/// </summary>
public sealed class ImportProgress : Dialog
{
    /// <summary>The work: given its own store, a way to say how many items there are, and a way to report each.</summary>
    public delegate void Job(FilingStore store, Action<long> total, Action<ImportResult> report, CancellationToken cancel);

    private readonly ProgressBar _bar = new();
    private readonly CancellationTokenSource _cancel = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string _unit;
    private int _done;
    private long _total;
    private string _current = "";

    private readonly List<ImportResult> _results = [];

    public bool Cancelled => _cancel.IsCancellationRequested;

    /// <summary>The results so far, copied under the lock the worker takes.</summary>
    public List<ImportResult> Snapshot()
    {
        lock (_results)
        {
            return [.. _results];
        }
    }

    public event Action<ImportProgress>? Finished;

    public ImportProgress(string title = "Importing", string unit = "files") : base(title)
    {
        _unit = unit;
        PreferredHeight = 8;
        PreferredWidth = 76;
    }

    /// <summary>Imports files and folders (folders recursively); a path that does not exist is reported as failed.</summary>
    public Task Start(string storePath, IReadOnlyList<string> paths) => Start(storePath, (store, total, report, cancel) =>
    {
        var (files, missing) = Importer.Expand(paths);
        foreach (var m in missing)
        {
            report(store.LogFailure(m.Path, m.Message!));
        }

        total(files.Count + missing.Count);
        Importer.ImportAll(store, files, report, cancel);
    });

    public Task Start(string storePath, Job job)
    {
        var app = App!;
        return Task.Run(() =>
        {
            try
            {
                using var store = FilingStore.Open(storePath);
                job(store, t => _total = t, result =>
                {
                    lock (_results)
                    {
                        _results.Add(result);
                    }

                    _current = result.Path;
                    Interlocked.Increment(ref _done);
                    app.Invoke(SetNeedsDraw);
                }, _cancel.Token);
            }
            catch (StoreException ex)
            {
                lock (_results)
                {
                    _results.Add(new ImportResult(storePath, ImportOutcome.Failed, null, ex.Message));
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
        buffer.Put(inner.X + 1, inner.Y, $"{_done:N0} of {_total:N0} {_unit} · {_done / seconds:0.0} {_unit}/s", Scheme.Normal, inner);
        buffer.Put(inner.X + 1, inner.Y + 1, TextWidth.Truncate(_current, inner.Width - 2), Scheme.Dim, inner);
        _bar.Frame = new Rect(inner.X + 1, inner.Y + 3, inner.Width - 2, 1);
        _bar.Fraction = _total == 0 ? 0 : (double)_done / _total;
        _bar.Draw(buffer);
        buffer.Put(inner.X + 1, inner.Bottom - 1, Cancelled ? "Cancelling after the current file..." : "Esc Cancel (what is imported stays)", Scheme.Dim, inner);
    }
}
