namespace FilingTui.Data;

/// <summary>A store problem a user can act on, with a message naming the file and the reason.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>SQLite's error as a sentence about the store file: what happened and what was (not) done to it.</summary>
    public static StoreException From(Microsoft.Data.Sqlite.SqliteException ex, string path) => new(ex.SqliteErrorCode switch
    {
        5 or 6 => $"{path} is locked by another program; try again when it has finished.",
        11 or 26 => $"{path} is damaged or not a FilingTui store ({ex.Message.TrimEnd('.')}); nothing more is written to it. `sqlite3 {path} .recover` can save what is still readable.",
        8 => $"{path} is read-only.",
        13 => $"the disk holding {path} is full.",
        _ => $"{path} could not be read or written: {ex.Message}",
    }, ex);
}
