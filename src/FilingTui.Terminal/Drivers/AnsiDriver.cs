using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Drivers;

/// <summary>
/// The real terminal: raw mode through stty, the alternate screen, a hidden cursor and bracketed paste on entry,
/// all restored exactly once on every exit path (normal, exception, SIGTERM, SIGHUP, SIGQUIT). Input is read on
/// its own thread; output goes out as one write per frame.
/// </summary>
public sealed class AnsiDriver : IConsoleDriver, IDisposable
{
    public const string EnterSequence = "\e[?1049h\e[?25l\e[?2004h\e[H\e[2J";
    public const string LeaveSequence = "\e[0m\e[?2004l\e[?25h\e[?1049l";

    private readonly ConcurrentQueue<InputEvent> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly InputParser _parser = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly object _parserLock = new();
    private Stream? _out;
    private byte[]? _savedTermios;
    private int _ended;
    private volatile bool _repaint;
    private Thread? _inputThread;

    private volatile int _cols = 80;
    private volatile int _rows = 24;

    // Read once and on SIGWINCH: Console.WindowWidth can block behind a pending console read.
    public int Cols => _cols;

    public int Rows => _rows;

    private void UpdateSize()
    {
        if (RawMode.WindowSize() is var (c, r))
        {
            _cols = c;
            _rows = r;
        }
        else
        {
            _cols = Math.Max(Console.WindowWidth, 1);
            _rows = Math.Max(Console.WindowHeight, 1);
        }
    }

    public long NowMs => _clock.ElapsedMilliseconds;

    public void Init()
    {
        _out = Console.OpenStandardOutput();

        UpdateSize();
        _savedTermios = RawMode.Enter();

        WriteRaw(EnterSequence);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => End();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => End();
        if (!OperatingSystem.IsWindows())
        {
            foreach (var sig in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT, PosixSignal.SIGINT })
            {
                _signals.Add(PosixSignalRegistration.Create(sig, ctx =>
                {
                    ctx.Cancel = true;
                    End();
                    Environment.Exit(128 + SignalNumber(ctx.Signal));
                }));
            }

            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGWINCH, ctx =>
            {
                ctx.Cancel = true;
                UpdateSize();
                _queue.Enqueue(new InputEvent(null, null, true));
                _signal.Release();
            }));
            _signals.Add(PosixSignalRegistration.Create(PosixSignal.SIGCONT, ctx =>
            {
                ctx.Cancel = true;
                RawMode.Reapply();
                WriteRaw(EnterSequence);
                _repaint = true;
                _signal.Release();
            }));
        }

        _inputThread = new Thread(ReadInput) { IsBackground = true, Name = "terminal input" };
        _inputThread.Start();
    }

    private static int SignalNumber(PosixSignal s) => s switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGQUIT => 3,
        _ => 15,
    };

    public void End()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        try
        {
            WriteRaw(LeaveSequence);
        }
        catch (IOException)
        {
            // The terminal is gone (SSH dropped); nothing left to restore on it.
        }

        RawMode.Restore(_savedTermios);

        foreach (var s in _signals)
        {
            s.Dispose();
        }
    }

    public void Dispose()
    {
        End();
        _signal.Dispose();
    }

    public void Write(string frame)
    {
        if (frame.Length > 0 && Volatile.Read(ref _ended) == 0)
        {
            WriteRaw(frame);
        }
    }

    private void WriteRaw(string s)
    {
        var bytes = Encoding.UTF8.GetBytes(s);
        _out ??= Console.OpenStandardOutput();
        _out.Write(bytes, 0, bytes.Length);
        _out.Flush();
    }

    public IReadOnlyList<InputEvent> Read(TimeSpan timeout)
    {
        lock (_parserLock)
        {
            if (_parser.HasPending)
            {
                timeout = TimeSpan.FromMilliseconds(Math.Min(timeout.TotalMilliseconds, InputParser.EscTimeoutMs));
            }
        }

        if (_queue.IsEmpty)
        {
            _signal.Wait(timeout);
        }

        var list = new List<InputEvent>();
        lock (_parserLock)
        {
            foreach (var e in _parser.Flush(NowMs))
            {
                list.Add(e);
            }
        }

        while (_queue.TryDequeue(out var ev))
        {
            list.Add(ev);
        }

        return list;
    }

    public void Wake() => _signal.Release();

    public bool TakeRepaintRequest()
    {
        var r = _repaint;
        _repaint = false;
        return r;
    }

    private void ReadInput()
    {
        if (OperatingSystem.IsWindows())
        {
            while (Volatile.Read(ref _ended) == 0)
            {
                var k = Console.ReadKey(true);
                _queue.Enqueue(InputEvent.Of(FromConsoleKey(k)));
                _signal.Release();
            }

            return;
        }

        // fd 0 directly: .NET's console stream would hold a console lock while it blocks.
        using var stdin = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(0, false), FileAccess.Read, 1);
        var buf = new byte[4096];
        while (Volatile.Read(ref _ended) == 0)
        {
            int n;
            try
            {
                n = stdin.Read(buf, 0, buf.Length);
            }
            catch (IOException)
            {
                n = 0;
            }

            if (n <= 0)
            {
                // End of input: the terminal went away. Quit as Ctrl+C would.
                _queue.Enqueue(InputEvent.Of(Key.CtrlChar('c')));
                _signal.Release();
                return;
            }

            lock (_parserLock)
            {
                foreach (var e in _parser.Feed(buf.AsSpan(0, n), NowMs))
                {
                    _queue.Enqueue(e);
                }
            }

            _signal.Release();
        }
    }

    private static Key FromConsoleKey(ConsoleKeyInfo k)
    {
        var ctrl = k.Modifiers.HasFlag(ConsoleModifiers.Control);
        var alt = k.Modifiers.HasFlag(ConsoleModifiers.Alt);
        var shift = k.Modifiers.HasFlag(ConsoleModifiers.Shift);
        return k.Key switch
        {
            ConsoleKey.Enter => Key.Enter,
            ConsoleKey.Escape => Key.Esc,
            ConsoleKey.Tab => new Key(KeyCode.Tab, Shift: shift),
            ConsoleKey.Backspace => Key.Backspace,
            ConsoleKey.UpArrow => Key.Up,
            ConsoleKey.DownArrow => Key.Down,
            ConsoleKey.LeftArrow => Key.Left,
            ConsoleKey.RightArrow => Key.Right,
            ConsoleKey.Home => Key.Home,
            ConsoleKey.End => Key.End,
            ConsoleKey.PageUp => Key.PageUp,
            ConsoleKey.PageDown => Key.PageDown,
            ConsoleKey.Delete => Key.Delete,
            >= ConsoleKey.F1 and <= ConsoleKey.F12 => new Key(KeyCode.F1 + (k.Key - ConsoleKey.F1)),
            _ when ctrl && k.Key is >= ConsoleKey.A and <= ConsoleKey.Z => Key.CtrlChar((char)('a' + (k.Key - ConsoleKey.A))),
            _ => new Key(KeyCode.Char, k.KeyChar, Alt: alt),
        };
    }
}
