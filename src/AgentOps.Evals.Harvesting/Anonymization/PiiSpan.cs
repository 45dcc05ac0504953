namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>A detected value: [Start, End) character offsets in the text, its type, and for secrets a placeholder label.</summary>
/// <param name="Label">For secrets, the placeholder stem such as <c>OPENAI_KEY</c>; otherwise a finer kind (e.g. <c>us-ssn</c>) or null.</param>
public sealed record PiiSpan(int Start, int End, PiiType Type, string? Label = null)
{
    public int Length => End - Start;

    public bool Overlaps(PiiSpan other) => Start < other.End && other.Start < End;
}
