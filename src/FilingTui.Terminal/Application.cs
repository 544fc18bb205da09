using System.Collections.Concurrent;
using FilingTui.Terminal.Drawing;
using FilingTui.Terminal.Drivers;
using FilingTui.Terminal.Input;
using FilingTui.Terminal.Views;

namespace FilingTui.Terminal;

/// <summary>
/// The main loop: drain every queued input event, run invoked actions and timers, then lay out and draw once.
/// Fifty queued keys make one frame, not fifty.
/// </summary>
public sealed class Application
{
    private readonly ConcurrentQueue<Action> _invokes = new();
    private readonly List<(long Due, TimeSpan Every, Func<bool> Tick)> _timers = [];
    private readonly List<View> _views = [];
    /// <summary>Open dialogs, the topmost last.</summary>
    private readonly List<View> _modals = [];
    private readonly Renderer _renderer;
    private CellBuffer _back;
    private readonly List<string> _causes = [];
    private bool _needsDraw = true;
    private bool _stop;
    private long _causeStarted;
    private int _writes;

    public IConsoleDriver Driver { get; }

    public View? Focused { get; private set; }

    public int Frames { get; private set; }

    /// <summary>
    /// When set, one line per frame: what caused it (keys, paste, resize, timer, background work), the time from
    /// the first input to the frame written, the bytes and the writes made. For judging cost over a slow link.
    /// </summary>
    public TextWriter? FrameLog { get; set; }

    /// <summary>Places the views for a screen size; called before each frame.</summary>
    public Action<int, int>? Layout { get; set; }

    /// <summary>Application-wide keys, asked when the focused view did not handle a key; the help is generated from them.</summary>
    public Shortcuts Shortcuts { get; } = new();

    /// <summary>The menu line; its F10 and Alt+letter keys come before any view's.</summary>
    public MenuBar? MenuBar { get; private set; }

    public Application(IConsoleDriver driver, ColorProfile profile)
    {
        Driver = driver;
        _back = new CellBuffer(driver.Cols, driver.Rows);
        _renderer = new Renderer(driver.Cols, driver.Rows, profile);
        Shortcuts.Add("Screen", "Next pane", () => FocusNext(1), Key.Tab);
        Shortcuts.Add("Screen", "Previous pane", () => FocusNext(-1), Key.BackTab);
        Shortcuts.Add("Screen", "Redraw the screen", Redraw, Key.CtrlChar('l'));
    }

    /// <summary>What colours the output may use; changing it repaints everything in the new profile.</summary>
    public ColorProfile ColorProfile
    {
        get => _renderer.Profile;
        set
        {
            _renderer.Profile = value;
            Redraw();
        }
    }

    public CellBuffer Screen => _back;

    public View? Modal => _modals.Count > 0 ? _modals[^1] : null;

    public void Add(View view)
    {
        view.App = this;
        _views.Add(view);
        if (view is MenuBar bar)
        {
            MenuBar = bar;
        }

        if (Focused is null && view.CanFocus)
        {
            Focused = view;
        }
    }

    public IReadOnlyList<View> Views => _views;

    public void SetFocus(View view)
    {
        Focused = view;
        SetNeedsDraw();
    }

    public void FocusNext(int direction = 1)
    {
        var focusable = _views.Where(v => v.CanFocus && v.Visible).ToList();
        if (focusable.Count == 0)
        {
            return;
        }

        var i = Focused is null ? -1 : focusable.IndexOf(Focused);
        Focused = focusable[((i + direction) % focusable.Count + focusable.Count) % focusable.Count];
        SetNeedsDraw();
    }

    public void ShowModal(View dialog)
    {
        dialog.App = this;
        _modals.Add(dialog);
        SetNeedsDraw();
    }

    /// <summary>
    /// Closes a dialog wherever it is among those open: one that opened another (a prompt showing its answer in a
    /// box) closes under it, and the box stays on top.
    /// </summary>
    public void CloseModal(View dialog)
    {
        if (_modals.Remove(dialog))
        {
            SetNeedsDraw();
        }
    }

    public void SetNeedsDraw() => _needsDraw = true;

    /// <summary>Output outside a frame (an OSC 52 copy): counted with the next frame's writes.</summary>
    public void Write(string sequence)
    {
        Driver.Write(sequence);
        _writes++;
    }

    /// <summary>
    /// Asked when a key handler, invoked action or timer throws: true when the application dealt with it (told the
    /// user), and the loop goes on; otherwise the exception ends the run and the terminal is restored.
    /// </summary>
    public Func<Exception, bool>? Error { get; set; }

    private void Guarded(Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (Error?.Invoke(ex) == true)
        {
            SetNeedsDraw();
        }
    }

    /// <summary>Runs an action on the UI thread (safe from any thread).</summary>
    public void Invoke(Action action)
    {
        _invokes.Enqueue(action);
        Driver.Wake();
    }

    /// <summary>Background work the screen is waiting on (a dialog's search): started and not yet handled on the UI thread.</summary>
    public int PendingWork => _pendingWork;

    private int _pendingWork;

    /// <summary>
    /// Runs <paramref name="then"/> on the UI thread once <paramref name="work"/> ends (however it ends), so work off
    /// the UI thread never touches a view; until then it counts in <see cref="PendingWork"/>.
    /// </summary>
    public void WhenDone(Task work, Action<Task> then)
    {
        Interlocked.Increment(ref _pendingWork);
        work.ContinueWith(
            t => Invoke(() =>
            {
                Interlocked.Decrement(ref _pendingWork);
                then(t);
            }),
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
    }

    /// <summary>When the last key, mouse event or resize was read (the driver's clock); 0 before any.</summary>
    public long LastInputMs { get; private set; }

    public void AddTimeout(TimeSpan every, Func<bool> tick) => _timers.Add((Driver.NowMs + (long)every.TotalMilliseconds, every, tick));

    public void RequestStop() => _stop = true;

    public bool Stopped => _stop;

    /// <summary>Full repaint on the next frame (Ctrl+L, SIGCONT).</summary>
    public void Redraw()
    {
        _renderer.Invalidate();
        SetNeedsDraw();
    }

    public void Run()
    {
        Driver.Init();
        try
        {
            while (!_stop)
            {
                RunIteration(TimeSpan.FromMilliseconds(250));
            }
        }
        finally
        {
            Driver.End();
        }
    }

    /// <summary>One turn of the loop: wait for input, handle all of it, draw at most one frame.</summary>
    public void RunIteration(TimeSpan wait)
    {
        // A frame already due is drawn before waiting for input: otherwise the first frame (and any drawn after
        // a change made outside a key) waited out the whole timeout for a key that was not coming (250 ms at startup).
        var idle = _invokes.IsEmpty && !_needsDraw;
        foreach (var e in Driver.Read(idle ? NextWait(wait) : TimeSpan.Zero))
        {
            LastInputMs = Driver.NowMs;
            Guarded(() => Dispatch(e));
            if (_stop)
            {
                return;
            }
        }

        while (_invokes.TryDequeue(out var action))
        {
            Cause("invoke");
            Guarded(action);
            _needsDraw = true;
        }

        RunTimers();
        if (Driver.TakeRepaintRequest())
        {
            Redraw();
        }

        if (Driver.Cols != _back.Width || Driver.Rows != _back.Height)
        {
            _back.Resize(Driver.Cols, Driver.Rows);
            _renderer.Invalidate();
            _needsDraw = true;
        }

        if (_needsDraw && !_stop)
        {
            DrawFrame();
        }
    }

    private TimeSpan NextWait(TimeSpan wait)
    {
        if (_timers.Count == 0)
        {
            return wait;
        }

        var due = _timers.Min(t => t.Due) - Driver.NowMs;
        return TimeSpan.FromMilliseconds(Math.Clamp(due, 0, wait.TotalMilliseconds));
    }

    private void RunTimers()
    {
        var now = Driver.NowMs;
        for (var i = _timers.Count - 1; i >= 0; i--)
        {
            var t = _timers[i];
            if (t.Due <= now)
            {
                Cause("timer");
                var again = false;
                Guarded(() => again = t.Tick());
                if (again)
                {
                    _timers[i] = (now + (long)t.Every.TotalMilliseconds, t.Every, t.Tick);
                }
                else
                {
                    _timers.RemoveAt(i);
                }

                _needsDraw = true;
            }
        }
    }

    private void Cause(string what)
    {
        if (FrameLog is null)
        {
            return;
        }

        if (_causes.Count == 0)
        {
            _causeStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        }

        _causes.Add(what);
    }

    public void Dispatch(InputEvent e)
    {
        Cause(e.Resize ? "resize" : e.Paste is string p ? $"paste({p.Length})" : e.Key?.ToString() ?? "?");
        _needsDraw = true;
        if (e.Resize)
        {
            _renderer.Invalidate();
            return;
        }

        if (e.Paste is string paste)
        {
            (Modal ?? Focused)?.OnPaste(paste);
            return;
        }

        if (e.Key is not Key key)
        {
            return;
        }

        if (Modal is View modal)
        {
            modal.ProcessKey(key);
            return;
        }

        if (MenuBar?.ProcessHotKey(key) == true || Focused?.ProcessKey(key) == true)
        {
            return;
        }

        Shortcuts.TryRun(key);
    }

    public void DrawFrame()
    {
        _needsDraw = false;
        Layout?.Invoke(_back.Width, _back.Height);
        _back.Clear();
        foreach (var v in _views)
        {
            v.Draw(_back);
        }

        foreach (var m in _modals)
        {
            m.Draw(_back);
        }

        var output = _renderer.Render(_back);
        if (output.Length > 0)
        {
            Driver.Write(output);
            _writes++;
        }

        Frames++;
        if (FrameLog is not null)
        {
            var ms = _causes.Count == 0 ? 0 : System.Diagnostics.Stopwatch.GetElapsedTime(_causeStarted).TotalMilliseconds;
            var cause = _causes.Count == 0 ? "start" : string.Join(',', _causes);
            FrameLog.WriteLine(FormattableString.Invariant($"frame={Frames} cause={cause} ms={ms:0.00} bytes={System.Text.Encoding.UTF8.GetByteCount(output)} writes={_writes}"));
            FrameLog.Flush();
        }

        _causes.Clear();
        _writes = 0;
    }
}
