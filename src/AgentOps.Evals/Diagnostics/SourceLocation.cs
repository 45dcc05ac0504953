namespace AgentOps.Evals.Diagnostics;

/// <summary>Where a value came from: file, 1-based line and column (0 when unknown).</summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0)
{
    /// <summary><c>file:line:column</c>; <c>file:line</c> when the column is unknown (a line-based reader); the file alone when the line is too.</summary>
    public override string ToString() => Line <= 0 ? File : Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
}
