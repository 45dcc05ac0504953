using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Shadowing;

/// <summary>One sampled, anonymized production session: the case both candidates answer, its slice attributes, what production answered.</summary>
/// <param name="Case">The anonymized session as a case: input, history, mocked tools with production's recorded results.</param>
/// <param name="Slices">Session attributes the sample was stratified by, e.g. tier → enterprise.</param>
/// <param name="Production">What production answered in the trace; null when the trace held no answer.</param>
/// <param name="UnrecordedTools">Tools production called whose results the trace did not hold: a candidate calling them gets no recorded answer.</param>
/// <param name="EarlierUserTurns">User turns before the last one; each side replays them in order (answering each itself), and the reply to the last is compared.</param>
public sealed record ShadowInput(
    GoldenCase Case,
    IReadOnlyDictionary<string, string> Slices,
    ProductionAnswer? Production,
    IReadOnlyList<string> UnrecordedTools,
    int EarlierUserTurns)
{
    /// <summary>The case id of the sampled session.</summary>
    public string Id => Case.Id;

    /// <summary>The user's side of the session as the sides replay it: the opening messages, then every scripted turn.</summary>
    public IReadOnlyList<CaseMessage> Conversation =>
        [.. Case.Input.Messages, .. Case.Input.Turns.Select(t => new CaseMessage("user", t.User))];

    /// <summary>True when a call of <paramref name="tool"/> is answered from a result production's trace recorded (not a marked error, not an unknown tool).</summary>
    public bool HasRecordedResult(string tool) =>
        !UnrecordedTools.Contains(tool, StringComparer.Ordinal) && Case.Input.Tools.Any(t => string.Equals(t.Name, tool, StringComparison.Ordinal));
}
