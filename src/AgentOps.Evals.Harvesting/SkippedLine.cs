namespace AgentOps.Evals.Harvesting;

/// <summary>A trace or feedback line (or one span in it) the harvest could not read: where, and why.</summary>
public sealed record SkippedLine(string File, int Line, string Reason)
{
    /// <summary><c>file:line: reason</c>.</summary>
    public override string ToString() => $"{File}:{Line}: {Reason}";
}
