using System.Text;

namespace FilingTui.Terminal.Input;

/// <summary>
/// Bytes from a terminal to key events: CSI and SS3 sequences, Alt+key as ESC-prefixed keys, Ctrl+letter,
/// UTF-8 text, bracketed paste (delivered as text, never as keys). A lone ESC counts only after
/// <see cref="EscTimeoutMs"/> with nothing after it, measured on the clock the caller passes in.
/// </summary>
public sealed class InputParser
{
    public const int EscTimeoutMs = 50;

    private readonly List<byte> _pending = [];
    private long _pendingSince;
    private StringBuilder? _paste;

    public bool HasPending => _pending.Count > 0;

    public List<InputEvent> Feed(ReadOnlySpan<byte> bytes, long nowMs)
    {
        if (_pending.Count == 0)
        {
            _pendingSince = nowMs;
        }

        foreach (var b in bytes)
        {
            _pending.Add(b);
        }

        var events = new List<InputEvent>();
        Parse(events, final: false);
        if (_pending.Count > 0)
        {
            _pendingSince = nowMs;
        }

        return events;
    }

    /// <summary>Called when input is idle: an ESC alone for long enough is the Esc key.</summary>
    public List<InputEvent> Flush(long nowMs)
    {
        var events = new List<InputEvent>();
        if (_pending.Count > 0 && nowMs - _pendingSince >= EscTimeoutMs)
        {
            Parse(events, final: true);
        }

        return events;
    }

    private void Parse(List<InputEvent> events, bool final)
    {
        var i = 0;
        var buf = _pending.ToArray();
        while (i < buf.Length)
        {
            if (_paste is not null)
            {
                var end = IndexOf(buf, i, "\e[201~"u8);
                if (end < 0)
                {
                    // Keep a possible partial terminator for the next read.
                    var keep = Math.Min(5, buf.Length - i);
                    _paste.Append(Encoding.UTF8.GetString(buf, i, buf.Length - i - keep));
                    i = buf.Length - keep;
                    if (final)
                    {
                        _paste.Append(Encoding.UTF8.GetString(buf, i, keep));
                        i = buf.Length;
                    }

                    break;
                }

                _paste.Append(Encoding.UTF8.GetString(buf, i, end - i));
                events.Add(new InputEvent(null, _paste.ToString()));
                _paste = null;
                i = end + 6;
                continue;
            }

            var consumed = ParseOne(buf, i, final, events);
            if (consumed == 0)
            {
                break;
            }

            i += consumed;
        }

        _pending.RemoveRange(0, i);
    }

    private static int IndexOf(byte[] buf, int from, ReadOnlySpan<byte> needle)
    {
        var idx = buf.AsSpan(from).IndexOf(needle);
        return idx < 0 ? -1 : from + idx;
    }

    /// <summary>Parses one key at <paramref name="i"/>; returns the bytes used, or 0 when more bytes are needed.</summary>
    private int ParseOne(byte[] buf, int i, bool final, List<InputEvent> events)
    {
        var b = buf[i];
        if (b == 0x1b)
        {
            if (i + 1 >= buf.Length)
            {
                if (!final)
                {
                    return 0;
                }

                events.Add(InputEvent.Of(Key.Esc));
                return 1;
            }

            var n = buf[i + 1];
            if (n == (byte)'[' || n == (byte)'O')
            {
                var j = i + 2;
                while (j < buf.Length && (buf[j] is >= 0x30 and <= 0x3F))
                {
                    j++;
                }

                if (j >= buf.Length)
                {
                    if (!final)
                    {
                        return 0;
                    }

                    events.Add(InputEvent.Of(Key.AltChar((char)n)));
                    return 2;
                }

                var param = Encoding.ASCII.GetString(buf, i + 2, j - i - 2);
                var fin = (char)buf[j];
                if (n == (byte)'[' && fin == '~' && param == "200")
                {
                    _paste = new StringBuilder();
                    return j - i + 1;
                }

                if (Sequence(param, fin) is Key k)
                {
                    events.Add(InputEvent.Of(k));
                }

                return j - i + 1;
            }

            if (n == 0x1b)
            {
                events.Add(InputEvent.Of(Key.Esc));
                return 1;
            }

            // Alt+key: ESC then the key.
            var inner = new List<InputEvent>();
            var used = ParseOne(buf, i + 1, final, inner);
            if (used == 0)
            {
                return 0;
            }

            foreach (var e in inner)
            {
                events.Add(e.Key is Key key ? InputEvent.Of(key with { Alt = true }) : e);
            }

            return used + 1;
        }

        switch (b)
        {
            case 0x0d or 0x0a:
                events.Add(InputEvent.Of(Key.Enter));
                return 1;
            case 0x09:
                events.Add(InputEvent.Of(Key.Tab));
                return 1;
            case 0x7f or 0x08:
                events.Add(InputEvent.Of(Key.Backspace));
                return 1;
            case 0x00:
                events.Add(InputEvent.Of(new Key(KeyCode.Char, ' ', Ctrl: true)));
                return 1;
            case < 0x20:
                events.Add(InputEvent.Of(Key.CtrlChar((char)('a' + b - 1))));
                return 1;
        }

        var len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        if (i + len > buf.Length)
        {
            if (!final)
            {
                return 0;
            }

            len = buf.Length - i;
        }

        var s = Encoding.UTF8.GetString(buf, i, len);
        foreach (var c in s)
        {
            events.Add(InputEvent.Of(Key.Char(c)));
        }

        return len;
    }

    private static Key? Sequence(string param, char fin)
    {
        var parts = param.Split(';');
        var mod = parts.Length > 1 && int.TryParse(parts[1], out var m) ? m - 1 : 0;
        bool shift = (mod & 1) != 0, alt = (mod & 2) != 0, ctrl = (mod & 4) != 0;
        KeyCode code = fin switch
        {
            'A' => KeyCode.Up,
            'B' => KeyCode.Down,
            'C' => KeyCode.Right,
            'D' => KeyCode.Left,
            'H' => KeyCode.Home,
            'F' => KeyCode.End,
            'P' => KeyCode.F1,
            'Q' => KeyCode.F2,
            'R' => KeyCode.F3,
            'S' => KeyCode.F4,
            'Z' => KeyCode.Tab,
            '~' => parts[0] switch
            {
                "1" or "7" => KeyCode.Home,
                "4" or "8" => KeyCode.End,
                "2" => KeyCode.Insert,
                "3" => KeyCode.Delete,
                "5" => KeyCode.PageUp,
                "6" => KeyCode.PageDown,
                "11" => KeyCode.F1,
                "12" => KeyCode.F2,
                "13" => KeyCode.F3,
                "14" => KeyCode.F4,
                "15" => KeyCode.F5,
                "17" => KeyCode.F6,
                "18" => KeyCode.F7,
                "19" => KeyCode.F8,
                "20" => KeyCode.F9,
                "21" => KeyCode.F10,
                "23" => KeyCode.F11,
                "24" => KeyCode.F12,
                _ => KeyCode.None,
            },
            _ => KeyCode.None,
        };
        if (code == KeyCode.None)
        {
            return null;
        }

        if (fin == 'Z')
        {
            shift = true;
        }

        return new Key(code, Ctrl: ctrl, Alt: alt, Shift: shift);
    }
}
