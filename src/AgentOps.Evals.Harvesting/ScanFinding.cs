using AgentOps.Evals.Harvesting.Anonymization;

namespace AgentOps.Evals.Harvesting;

/// <summary>One value <c>scan</c> found: file, 1-based line, 0-based [Start, End) character offsets within the line, and its type.</summary>
public sealed record ScanFinding(string File, int Line, int Start, int End, PiiType Type)
{
    /// <summary><c>file:line:column: type</c>, as <c>scan</c> prints it.</summary>
    public override string ToString() => $"{File}:{Line}:{Start + 1}: {Type.ToName()}";
}
