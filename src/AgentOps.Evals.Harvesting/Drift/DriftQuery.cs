namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// One production query as drift sees it: the opening user message of a trace (one conversation or turn) and the facts
/// the shift dimensions read. Text is the original, not yet anonymized: it never leaves the process un-anonymized.
/// </summary>
internal sealed record DriftQuery(
    string TraceId,
    string? SessionId,
    DateTimeOffset? Start,
    string Text,
    string? Model,
    string? PromptId,
    string? Locale,
    IReadOnlyList<string> Tools,
    string? Tier)
{
    /// <summary>Whether the session or trace got a thumbs-down; set once feedback is joined.</summary>
    public bool ThumbsDown { get; init; }
}
