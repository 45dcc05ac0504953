namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>A detected value: [Start, End) character offsets in the text, its type, and for secrets a placeholder label.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Type">What kind of value it is.</param>
/// <param name="Label">For secrets, the placeholder stem such as <c>OPENAI_KEY</c>; otherwise a finer kind (e.g. <c>us-ssn</c>) or null.</param>
internal sealed record PiiSpan(int Start, int End, PiiType Type, string? Label = null)
{
    /// <summary>Characters covered.</summary>
    public int Length => End - Start;

    /// <summary>Whether the two spans share at least one character.</summary>
    public bool Overlaps(PiiSpan other) => Start < other.End && other.Start < End;
}
