namespace AgentOps.Evals.Harvesting.Shadowing;

/// <summary>What sampling did: sessions read, how many per stratum were taken, the files written, and what the traces could not give.</summary>
/// <param name="SessionsRead">Sessions with at least one model call (after --since) found in the traces.</param>
/// <param name="Strata">Per stratum (attribute values joined, "all" when unstratified): sessions read and sampled.</param>
/// <param name="Written">Paths of the shadow input files written.</param>
/// <param name="WithoutConversation">Sampled sessions whose spans held no conversation to replay (no file written).</param>
/// <param name="MissingAttributes">Slice attributes no session carried (the sample is not stratified by them).</param>
/// <param name="Skipped">Trace lines that could not be read.</param>
public sealed record ShadowSampleSummary(
    int SessionsRead,
    IReadOnlyDictionary<string, (int Sessions, int Sampled)> Strata,
    IReadOnlyList<string> Written,
    int WithoutConversation,
    IReadOnlyList<string> MissingAttributes,
    int Skipped)
{
    /// <summary>Per attribute value (tier:enterprise, locale:fr): sessions read and sampled; every value is kept when the sample allows.</summary>
    public IReadOnlyDictionary<string, (int Sessions, int Sampled)> Values { get; init; } = new Dictionary<string, (int, int)>();

    /// <summary>The trace lines that could not be read, as file:line: reason.</summary>
    public IReadOnlyList<SkippedLine> SkippedLines { get; init; } = [];
}
