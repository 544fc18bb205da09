using System.Runtime.InteropServices;

namespace FilingTui.App;

/// <summary>
/// A path's file type on Linux, read with statx(2) without opening the file: opening a named pipe waits for a
/// writer, and reading a device may never end. .NET's file attributes do not tell these apart from files. statx's
/// buffer has one layout on every architecture, so no per-platform struct is needed; where it is missing (macOS,
/// old libc) the type is unknown and the file is read as any other.
/// </summary>
internal static partial class UnixFileType
{
    public enum Kind
    {
        Unknown,
        Regular,
        Directory,
        Fifo,
        CharacterDevice,
        BlockDevice,
        Socket,
        Link,
    }

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);

    public static Kind Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return Kind.Unknown;
        }

        try
        {
            var buffer = new byte[256];
            if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
            {
                return Kind.Unknown;
            }

            var mode = BitConverter.ToUInt16(buffer, ModeOffset) & 0xF000;
            return mode switch
            {
                0x8000 => Kind.Regular,
                0x4000 => Kind.Directory,
                0x1000 => Kind.Fifo,
                0x2000 => Kind.CharacterDevice,
                0x6000 => Kind.BlockDevice,
                0xC000 => Kind.Socket,
                0xA000 => Kind.Link,
                _ => Kind.Unknown,
            };
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return Kind.Unknown;
        }
    }
}
