namespace FilingTui.Core.Import;

/// <summary>A normalized line and the 1-based line of the source it came from.</summary>
public readonly record struct TextLine(int Number, string Text)
{
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);

    public string Trimmed => Text.Trim();
}
