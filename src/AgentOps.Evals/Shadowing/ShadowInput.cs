using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Shadowing;

/// <summary>One sampled, anonymized production session: the case both candidates answer, its slice attributes, what production answered.</summary>
/// <param name="Slices">Session attributes the sample was stratified by, e.g. tier → enterprise.</param>
/// <param name="UnrecordedTools">Tools production called whose results the trace did not hold: a candidate calling them gets no recorded answer.</param>
/// <param name="EarlierUserTurns">User turns before the replayed one; they reach the candidate as history, not as separate turns.</param>
public sealed record ShadowInput(
    GoldenCase Case,
    IReadOnlyDictionary<string, string> Slices,
    ProductionAnswer? Production,
    IReadOnlyList<string> UnrecordedTools,
    int EarlierUserTurns)
{
    public string Id => Case.Id;
}
