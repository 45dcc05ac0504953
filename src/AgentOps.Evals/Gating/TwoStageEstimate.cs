using AgentOps.Evals.Running;

namespace AgentOps.Evals.Gating;

/// <summary>
/// The per-case drop after a round of extra trials, unbiased although where trials went depended on the base
/// trials. Pooling base and extra trials is biased: a reliable case that went 3/3 against 3/3 gets no extra
/// trials and keeps a drop of exactly 0, while one that showed a failure is pulled back toward its small true
/// drop; so true drops of near-1 cases shrink toward 0 and a real drop can pass. Instead, with D₁ the base-stage
/// drop, D₂ the drop over the extra trials alone, π the case's inclusion probability given the base trials and
/// R whether it was drawn: d̂ = D₁ + λ·(R/π)·(D₂ − D₁). Given the base trials, E[R/π·(D₂ − D₁)] = d − D₁ (D₂ is
/// fresh data), so E[d̂] = (1 − λ)·d + λ·d = d for a fixed λ, provided every comparable case has π &gt; 0; that is
/// why steady cases are drawn at random (a Horvitz–Thompson sample) instead of being skipped.
/// </summary>
internal static class TwoStageEstimate
{
    /// <summary>λ: the weight of the extra-trial stage. Fixed in advance (a weight chosen from the data would bring the bias back).</summary>
    public const double Weight = 0.5;

    /// <summary>d̂ for one case; <paramref name="stage2Baseline"/>/<paramref name="stage2Candidate"/> are its extra trials on each side.</summary>
    public static double Compute(double stage1Drop, IReadOnlyList<TrialResult> stage2Baseline, IReadOnlyList<TrialResult> stage2Candidate, double inclusion)
    {
        var baseline = stage2Baseline.Where(t => t.Outcome != TrialOutcome.InfraError).ToList();
        var candidate = stage2Candidate.Where(t => t.Outcome != TrialOutcome.InfraError).ToList();
        // Extra trials that all failed on infrastructure carry no evidence: the case keeps its base-stage drop.
        if (baseline.Count == 0 || candidate.Count == 0 || inclusion <= 0) return stage1Drop;
        var stage2Drop = (double)baseline.Count(t => t.Passed) / baseline.Count - (double)candidate.Count(t => t.Passed) / candidate.Count;
        return stage1Drop + Weight / inclusion * (stage2Drop - stage1Drop);
    }
}
