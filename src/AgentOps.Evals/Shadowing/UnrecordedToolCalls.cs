namespace AgentOps.Evals.Shadowing;

/// <summary>
/// Tool calls on one input that no recorded production result answered: a tool production called without the trace
/// holding its result (answered with a marked error), or a tool production never called (unknown to the input). Such a
/// trial's answer rests on no real data, so reports mark the input rather than let it pass as a like-for-like comparison.
/// </summary>
/// <param name="BaselineTrials">Baseline trials with at least one such call (0 when the baseline is production's recorded answer).</param>
/// <param name="CandidateTrials">Candidate trials with at least one such call.</param>
/// <param name="Tools">The tools called without a recorded result, by name.</param>
public sealed record UnrecordedToolCalls(int BaselineTrials, int CandidateTrials, IReadOnlyList<string> Tools)
{
    /// <summary>No unrecorded calls on either side.</summary>
    public static readonly UnrecordedToolCalls None = new(0, 0, []);

    /// <summary>True when some trial on either side made an unrecorded call, so reports mark the input.</summary>
    public bool Any => BaselineTrials + CandidateTrials > 0;

    /// <summary>Finds each side's calls to tools the input holds no recorded result for.</summary>
    /// <param name="input">The sampled input, with its unrecorded and known tools.</param>
    /// <param name="baseline">The baseline's trials on the input.</param>
    /// <param name="candidate">The candidate's trials on the input.</param>
    /// <param name="baselineIsProduction">Production's own calls are what the trace recorded: they are not counted.</param>
    internal static UnrecordedToolCalls Of(ShadowInput input, SideFigures baseline, SideFigures candidate, bool baselineIsProduction)
    {
        var tools = new SortedSet<string>(StringComparer.Ordinal);
        int Count(SideFigures side)
        {
            var trials = 0;
            foreach (var calls in side.ToolCalls)
            {
                var missing = calls.Where(c => !input.HasRecordedResult(c.Name)).Select(c => c.Name).ToList();
                if (missing.Count == 0) continue;
                trials++;
                tools.UnionWith(missing);
            }
            return trials;
        }
        var b = baselineIsProduction ? 0 : Count(baseline);
        var c = Count(candidate);
        return b + c == 0 ? None : new UnrecordedToolCalls(b, c, [.. tools]);
    }
}
