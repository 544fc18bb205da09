namespace FilingTui.Terminal.Input;

/// <summary>One application-wide command: the keys that run it, what it does (for the help and the menus), its group.</summary>
public sealed record Shortcut(string Group, string Help, IReadOnlyList<Key> Keys, Action Action)
{
    /// <summary>The keys as a person reads them: "q, Ctrl+C".</summary>
    public string KeyText => string.Join(", ", Keys.Select(k => k.ToString()));
}

/// <summary>
/// Keys that work whichever pane has focus (Terminal.Gui v2 keeps these in Application.KeyBindings). They are
/// asked after the focused view, so a pane's own use of a key wins. The help overlay is generated from them.
/// </summary>
public sealed class Shortcuts
{
    private readonly Dictionary<Key, Shortcut> _map = [];
    private readonly List<Shortcut> _list = [];

    public Shortcut Add(string group, string help, Action action, params Key[] keys)
    {
        var shortcut = new Shortcut(group, help, keys, action);
        foreach (var key in keys)
        {
            _map[key] = shortcut;
        }

        _list.Add(shortcut);
        return shortcut;
    }

    public bool TryRun(Key key)
    {
        if (!_map.TryGetValue(key, out var shortcut))
        {
            return false;
        }

        shortcut.Action();
        return true;
    }

    public IReadOnlyList<Shortcut> All => _list;
}
