namespace FilingTui.Terminal.Input;

public enum KeyCode
{
    None,
    Char,
    Enter,
    Esc,
    Tab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Insert,
    Delete,
    F1,
    F2,
    F3,
    F4,
    F5,
    F6,
    F7,
    F8,
    F9,
    F10,
    F11,
    F12,
}

/// <summary>A key press. Printable keys are matched on the character (<see cref="Rune"/>), never on a key code.</summary>
public readonly record struct Key(KeyCode Code, char Rune = '\0', bool Ctrl = false, bool Alt = false, bool Shift = false)
{
    public static Key Char(char c) => new(KeyCode.Char, c);

    public static Key CtrlChar(char c) => new(KeyCode.Char, char.ToLowerInvariant(c), Ctrl: true);

    public static Key AltChar(char c) => new(KeyCode.Char, c, Alt: true);

    public static readonly Key Enter = new(KeyCode.Enter);
    public static readonly Key Esc = new(KeyCode.Esc);
    public static readonly Key Tab = new(KeyCode.Tab);
    public static readonly Key BackTab = new(KeyCode.Tab, Shift: true);
    public static readonly Key Up = new(KeyCode.Up);
    public static readonly Key Down = new(KeyCode.Down);
    public static readonly Key Left = new(KeyCode.Left);
    public static readonly Key Right = new(KeyCode.Right);
    public static readonly Key PageUp = new(KeyCode.PageUp);
    public static readonly Key PageDown = new(KeyCode.PageDown);
    public static readonly Key Home = new(KeyCode.Home);
    public static readonly Key End = new(KeyCode.End);
    public static readonly Key Backspace = new(KeyCode.Backspace);
    public static readonly Key Delete = new(KeyCode.Delete);
    public static readonly Key F1 = new(KeyCode.F1);
    public static readonly Key F5 = new(KeyCode.F5);
    public static readonly Key F10 = new(KeyCode.F10);

    public bool IsPrintable => Code == KeyCode.Char && !Ctrl && !Alt && Rune >= ' ';

    public override string ToString()
    {
        // Ctrl+letter is one key whatever the case, and is written the way keyboards label it: Ctrl+L.
        var name = Code == KeyCode.Char ? (Rune == ' ' ? "Space" : Ctrl ? char.ToUpperInvariant(Rune).ToString() : Rune.ToString()) : Code.ToString();
        if (Code == KeyCode.Tab && Shift)
        {
            return "Shift+Tab";
        }

        return (Ctrl ? "Ctrl+" : "") + (Alt ? "Alt+" : "") + (Shift && Code != KeyCode.Char ? "Shift+" : "") + name;
    }
}

/// <summary>One thing from the terminal: a key, pasted text (never interpreted as commands), or a resize.</summary>
public readonly record struct InputEvent(Key? Key, string? Paste = null, bool Resize = false)
{
    public static InputEvent Of(Key k) => new(k);
}
