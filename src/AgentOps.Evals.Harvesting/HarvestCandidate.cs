using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Harvesting;

/// <summary>A flagged session turned into case material, still holding the original (not yet anonymized) text.</summary>
internal sealed record HarvestCandidate(
    SessionSummary Session,
    IReadOnlyList<HarvestFlag> Flags,
    IReadOnlyList<CaseMessage> Messages,
    IReadOnlyList<MockTool> Tools,
    IReadOnlyList<string> FinishReasons)
{
    /// <summary>Sessions collapsed into this one as duplicates (itself excluded).</summary>
    public List<HarvestCandidate> Duplicates { get; } = [];

    public int Count => 1 + Duplicates.Count;

    private string? normalizedInput;

    /// <summary>The text dedupe compares: the conversation, lowercased, whitespace collapsed. Made once: ranking and dedupe each ask for it.</summary>
    public string NormalizedInput => normalizedInput ??= Normalize(string.Join("\n", Messages.Select(m => m.Role + ": " + m.Content)));

    internal static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
