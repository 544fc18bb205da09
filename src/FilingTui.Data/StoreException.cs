namespace FilingTui.Data;

/// <summary>A store problem a user can act on, with a message naming the file and the reason.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>SQLite's error as a sentence about the store file: what happened and what was (not) done to it.</summary>
    public static StoreException From(Microsoft.Data.Sqlite.SqliteException ex, string path) => new(FaultOf(ex) switch
    {
        StoreFault.Locked => $"{path} is locked by another program; try again when it has finished.",
        StoreFault.Damaged => $"{path} is damaged or not a FilingTui store ({ex.Message.TrimEnd('.')}); nothing more is written to it. `sqlite3 {path} .recover` can save what is still readable.",
        StoreFault.ReadOnly => $"{path} is read-only.",
        StoreFault.DiskFull => $"the disk holding {path} is full.",
        _ => $"{path} could not be read or written: {ex.Message}",
    }, ex);

    /// <summary>What an SQLite error says about the store file as a whole; the one place its codes are read.</summary>
    internal static StoreFault FaultOf(Microsoft.Data.Sqlite.SqliteException ex) => ex.SqliteErrorCode switch
    {
        5 or 6 => StoreFault.Locked,            // SQLITE_BUSY, SQLITE_LOCKED
        11 or 26 => StoreFault.Damaged,         // SQLITE_CORRUPT, SQLITE_NOTADB
        8 => StoreFault.ReadOnly,               // SQLITE_READONLY
        13 => StoreFault.DiskFull,              // SQLITE_FULL
        10 => StoreFault.Io,                    // SQLITE_IOERR
        _ => StoreFault.None,
    };
}

/// <summary>A failure of the store rather than of one statement: no later write could succeed either.</summary>
internal enum StoreFault
{
    None,
    Locked,
    Damaged,
    ReadOnly,
    DiskFull,
    Io,
}
