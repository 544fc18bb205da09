using System.Runtime.InteropServices;

namespace FilingTui.Terminal.Drivers;

/// <summary>
/// Raw terminal input through libc's termios (tcgetattr, cfmakeraw, tcsetattr). Not `stty` in a child process:
/// .NET re-applies its own terminal settings whenever a child process exits, which would undo raw mode.
/// The termios struct is treated as opaque bytes, so its per-platform layout does not matter.
/// </summary>
internal static partial class RawMode
{
    private const int StdinFd = 0;

    static RawMode()
    {
        // "libc" alone resolves to libc.so, which on glibc systems is a linker script, not a library.
        NativeLibrary.SetDllImportResolver(typeof(RawMode).Assembly, (name, assembly, path) =>
            name == "libc" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", assembly, path, out var handle) ? handle : IntPtr.Zero);
    }
    private const int TcsaNow = 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcgetattr(int fd, [Out] byte[] termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int tcsetattr(int fd, int optionalActions, byte[] termios);

    [LibraryImport("libc")]
    private static partial void cfmakeraw([In, Out] byte[] termios);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, nuint request, [Out] ushort[] winsize);

    /// <summary>The terminal size from TIOCGWINSZ on stdout, or null when it cannot be read.</summary>
    public static (int Cols, int Rows)? WindowSize()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var ws = new ushort[4];
            nuint request = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 0x40087468u : 0x5413u;
            return ioctl(1, request, ws) == 0 && ws[0] > 0 && ws[1] > 0 ? (ws[1], ws[0]) : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Saves the current settings and switches to raw mode; returns the saved settings, or null.</summary>
    public static byte[]? Enter()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            var saved = new byte[256];
            if (tcgetattr(StdinFd, saved) != 0)
            {
                return null;
            }

            var raw = (byte[])saved.Clone();
            cfmakeraw(raw);
            return tcsetattr(StdinFd, TcsaNow, raw) == 0 ? saved : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    public static void Reapply()
    {
        var current = new byte[256];
        if (!OperatingSystem.IsWindows() && tcgetattr(StdinFd, current) == 0)
        {
            cfmakeraw(current);
            tcsetattr(StdinFd, TcsaNow, current);
        }
    }

    public static void Restore(byte[]? saved)
    {
        if (saved is not null && !OperatingSystem.IsWindows())
        {
            tcsetattr(StdinFd, TcsaNow, saved);
        }
    }
}
