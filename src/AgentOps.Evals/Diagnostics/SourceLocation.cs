namespace AgentOps.Evals.Diagnostics;

/// <summary>Where a value came from: file, 1-based line and column (0 when unknown).</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    /// <summary><c>file:line:column</c>, or the file alone when the line is unknown.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
