using AgentOps.Evals.Application;
using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Gating;

/// <summary>Earlier runs of the baseline's identity sharpen the baseline side, and only runs of that identity count.</summary>
public sealed class BaselineHistoryTests
{
    private static readonly GateOptions Options = new() { MinPassRate = null, MinConsistency = null, MaxCostRatio = null };

    [Fact]
    public void Earlier_baseline_trials_join_the_baseline_counts_and_the_verdict_says_so()
    {
        var set = Enumerable.Range(0, 30).Select(i => new FakeCase($"c{i:00}", i < 6 ? 0.7 : 1.0)).ToList();
        var (baseRun, baseTrials) = NoisyRuns.Generate("base", "prod", set, 3, new Random(1));
        var (candRun, candTrials) = NoisyRuns.Generate("cand", "next", set, 3, new Random(2));
        var earlier = Enumerable.Range(0, 2).SelectMany(h => NoisyRuns.Generate($"base-{h}", "prod", set, 3, new Random(10 + h)).Trials).ToList();

        var alone = GateEvaluator.Evaluate(new GateInput(baseRun, baseTrials, candRun, candTrials, Options));
        var pooled = GateEvaluator.Evaluate(new GateInput(baseRun, baseTrials, candRun, candTrials, Options) { BaselineHistory = earlier });

        Assert.All(pooled.Cases, c => Assert.Equal(9, c.BaselineTrials));
        Assert.All(pooled.Cases, c => Assert.Equal(3, c.CandidateTrials));
        Assert.Equal(alone.Baseline.Trials, pooled.Baseline.Trials);
        var note = Assert.Single(pooled.Findings, f => f.Rule == "baseline-history");
        Assert.Equal(FindingSeverity.Info, note.Severity);
        Assert.Contains("pools 2 earlier run(s)", note.Message, StringComparison.Ordinal);
        Assert.Contains("base-0, base-1", note.Message, StringComparison.Ordinal);
        Assert.Contains("180 earlier judged trials join this run's 90", note.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(alone.Findings, f => f.Rule == "baseline-history");
        // More baseline trials per case: the per-case spread, and so the standard error, shrinks.
        Assert.True(pooled.Slices[0].Drop.StandardError < alone.Slices[0].Drop.StandardError,
            $"SE {pooled.Slices[0].Drop.StandardError} pooled vs {alone.Slices[0].Drop.StandardError} alone");
    }

    [Fact]
    public void Only_completed_runs_of_the_same_model_prompt_settings_provider_and_revision_are_the_same_identity()
    {
        var (baseline, _) = NoisyRuns.Generate("base", "prod", [new FakeCase("c", 1)], 3, new Random(1));

        Assert.True(BaselineHistory.SameIdentity(baseline with { RunId = "older" }, baseline));
        Assert.False(BaselineHistory.SameIdentity(baseline with { Status = RunStatus.Interrupted }, baseline));
        Assert.False(BaselineHistory.SameIdentity(baseline with { GoldenSetRevision = "rev2" }, baseline));
        Assert.False(BaselineHistory.SameIdentity(baseline with { Candidate = baseline.Candidate with { ModelId = "other" } }, baseline));
        Assert.False(BaselineHistory.SameIdentity(baseline with { Candidate = baseline.Candidate with { PromptHash = "ffff" } }, baseline));
        Assert.False(BaselineHistory.SameIdentity(baseline with { Candidate = baseline.Candidate with { Settings = "temperature=1" } }, baseline));
        Assert.False(BaselineHistory.SameIdentity(baseline with { Candidate = baseline.Candidate with { Provider = "replay" } }, baseline));
    }
}
