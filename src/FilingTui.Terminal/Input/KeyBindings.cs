namespace FilingTui.Terminal.Input;

/// <summary>What a view can be asked to do; keys map to commands through <see cref="KeyBindings"/>.</summary>
public enum Command
{
    Up,
    Down,
    PageUp,
    PageDown,
    Start,
    End,
    Left,
    Right,
    Accept,
    Cancel,
    NextMatch,
    PreviousMatch,
    NextView,
    PreviousView,
    Quit,
    Refresh,
    Redraw,
    Help,
}

/// <summary>Key to command for one view, with a description per binding for the generated help.</summary>
public sealed class KeyBindings
{
    private readonly Dictionary<Key, Command> _map = [];
    private readonly List<(Key Key, Command Command, string Help)> _list = [];

    public void Add(Key key, Command command, string help = "")
    {
        _map[key] = command;
        _list.Add((key, command, help));
    }

    public void Clear()
    {
        _map.Clear();
        _list.Clear();
    }

    public bool TryGet(Key key, out Command command) => _map.TryGetValue(key, out command);

    public IReadOnlyList<(Key Key, Command Command, string Help)> All => _list;

    /// <summary>Arrow keys, j/k, PgUp/PgDn, Home/End and g/G: the navigation every list-like view shares.</summary>
    public void AddNavigation()
    {
        Add(Key.Up, Command.Up, "Move up");
        Add(Key.Char('k'), Command.Up);
        Add(Key.Down, Command.Down, "Move down");
        Add(Key.Char('j'), Command.Down);
        Add(Key.PageUp, Command.PageUp, "Page up");
        Add(Key.PageDown, Command.PageDown, "Page down");
        Add(Key.Home, Command.Start, "First");
        Add(Key.Char('g'), Command.Start);
        Add(Key.End, Command.End, "Last");
        Add(Key.Char('G'), Command.End);
    }
}
