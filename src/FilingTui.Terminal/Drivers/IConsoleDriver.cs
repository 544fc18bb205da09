using FilingTui.Terminal.Input;

namespace FilingTui.Terminal.Drivers;

/// <summary>What the application needs from a terminal: a size, a clock, input events and one write per frame.</summary>
public interface IConsoleDriver
{
    int Cols { get; }

    int Rows { get; }

    /// <summary>Milliseconds on the driver's clock (injectable in tests, for the Esc timeout).</summary>
    long NowMs { get; }

    void Init();

    /// <summary>Restores the terminal. Safe to call more than once; only the first call acts.</summary>
    void End();

    void Write(string frame);

    /// <summary>Waits up to <paramref name="timeout"/> for input and returns what arrived (possibly nothing).</summary>
    IReadOnlyList<InputEvent> Read(TimeSpan timeout);

    /// <summary>Wakes a <see cref="Read"/> in progress (after Invoke from another thread).</summary>
    void Wake();

    /// <summary>Set when the terminal needs every cell redrawn (resumed after SIGCONT).</summary>
    bool TakeRepaintRequest();
}
