using System.Collections.Concurrent;
using System.Text;
using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Drivers;

/// <summary>
/// A headless terminal for tests: scripted input, a settable size, a clock the test moves, and a record of
/// every write, which <see cref="VirtualScreen"/> replays into what a person would see.
/// </summary>
public sealed class FakeDriver(int cols = 80, int rows = 24) : IConsoleDriver
{
    private readonly ConcurrentQueue<InputEvent> _queue = new();
    private readonly InputParser _parser = new();
    private bool _repaint;

    public int Cols { get; private set; } = cols;

    public int Rows { get; private set; } = rows;

    public long NowMs { get; set; }

    public List<string> Writes { get; } = [];

    public int InitCount { get; private set; }

    public int EndCount { get; private set; }

    public bool Active { get; private set; }

    public long BytesWritten => Writes.Sum(w => (long)Encoding.UTF8.GetByteCount(w));

    public string AllOutput => string.Concat(Writes);

    public void Init()
    {
        InitCount++;
        Active = true;
        Writes.Add(AnsiDriver.EnterSequence);
    }

    public void End()
    {
        if (!Active)
        {
            return;
        }

        Active = false;
        EndCount++;
        Writes.Add(AnsiDriver.LeaveSequence);
    }

    public void Write(string frame) => Writes.Add(frame);

    public void Enqueue(Key key) => _queue.Enqueue(InputEvent.Of(key));

    public void EnqueueChars(string text)
    {
        foreach (var c in text)
        {
            _queue.Enqueue(InputEvent.Of(Key.Char(c)));
        }
    }

    /// <summary>Feeds raw terminal bytes through the real parser, as the ANSI driver does.</summary>
    public void EnqueueBytes(byte[] bytes)
    {
        foreach (var e in _parser.Feed(bytes, NowMs))
        {
            _queue.Enqueue(e);
        }
    }

    public void EnqueuePaste(string text) => _queue.Enqueue(new InputEvent(null, text));

    public void Resize(int cols, int rows)
    {
        Cols = cols;
        Rows = rows;
        _queue.Enqueue(new InputEvent(null, null, true));
    }

    public void RequestRepaint() => _repaint = true;

    public bool TakeRepaintRequest()
    {
        var r = _repaint;
        _repaint = false;
        return r;
    }

    /// <summary>Every timeout the loop asked Read to wait, in order (the fake never blocks).</summary>
    public List<TimeSpan> ReadWaits { get; } = [];

    public IReadOnlyList<InputEvent> Read(TimeSpan timeout)
    {
        ReadWaits.Add(timeout);
        var list = new List<InputEvent>();
        list.AddRange(_parser.Flush(NowMs));
        while (_queue.TryDequeue(out var e))
        {
            list.Add(e);
        }

        return list;
    }

    public void Wake()
    {
    }
}
