using AgentOps.Evals.Config;

namespace AgentOps.Evals.Gating;

/// <summary>The candidate's 95th-percentile trial latency may not exceed the threshold; the cases behind it are those with a trial over it.</summary>
internal sealed class MaxP95LatencyRule : IGateRule
{
    public string Name => "max-p95-latency-ms";

    public IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options)
    {
        if (options.MaxP95LatencyMs is not { } threshold || slice.Summary.Latency.CandidateP95Ms is not { } p95) yield break;
        if (p95 > threshold)
        {
            var slow = slice.Cases.Where(c => c.CandidateMaxLatencyMs > threshold).Select(c => c.Id).ToList();
            yield return new GateFinding(Name, slice.Name, FindingSeverity.Fail,
                $"p95 latency {FigureText.Number(p95, "0")} ms exceeds {FigureText.Number(threshold, "0")} ms",
                p95, threshold, slow);
        }
    }
}
