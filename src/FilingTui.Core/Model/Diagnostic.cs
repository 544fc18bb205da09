namespace FilingTui.Core.Model;

public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>A problem found while importing; the pipeline reports, it never throws for bad input.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, int? Line = null)
{
    public override string ToString() =>
        Line is int l ? $"{Severity.ToString().ToLowerInvariant()} {Code} (line {l}): {Message}" : $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
