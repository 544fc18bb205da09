namespace FilingTui.Data;

/// <summary>A store problem a user can act on, with a message naming the file and the reason.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
