using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Tests.Gating;

public sealed class GateEvaluatorTests
{
    private static readonly GateOptions Defaults = new() { MaxP95LatencyMs = 8000, Slices = ["locale:*", "suite:billing", "severity:P0"] };

    private static List<FakeCase> Deterministic(int count, Func<int, FakeCase> make) => Enumerable.Range(0, count).Select(make).ToList();

    private static FakeCase Case(int i) => new(
        $"c{i:00}", 1.0, i == 0 ? "P0" : "P2", i % 4 == 0 ? "billing" : "support",
        [i % 2 == 0 ? "locale:de-DE" : "locale:en-US", "refunds"]);

    [Fact]
    public void A_run_gated_against_itself_passes_with_exit_code_0()
    {
        var set = Deterministic(40, Case);

        var verdict = NoisyRuns.Gate(set, set, 3, 1, Defaults);

        Assert.Equal(GateOutcome.Pass, verdict.Outcome);
        Assert.Equal(0, verdict.ExitCode);
        Assert.Equal(["all", "locale:de-DE", "locale:en-US", "suite:billing", "severity:P0"], verdict.Slices.Select(s => s.Name));
        Assert.Equal(40, verdict.Slices[0].Cases);
        Assert.Equal("next", verdict.Candidate.Candidate.Name);
        Assert.Equal("abcd1234", verdict.Candidate.Candidate.PromptHash);
    }

    [Fact]
    public void A_regression_hidden_in_one_locale_is_named_by_its_slice()
    {
        var set = Deterministic(200, Case);
        // 10 of the 100 de-DE cases now always fail: 5 points overall, 10 points in de-DE.
        var next = set.Select((c, i) => i % 2 == 0 && i % 20 == 10 ? c with { PassProbability = 0 } : c).ToList();
        var options = Defaults with { MaxPassRateDrop = 0.03, MinPassRate = 0.9 };

        var verdict = NoisyRuns.Gate(set, next, 3, 1, options);

        Assert.Equal(GateOutcome.Fail, verdict.Outcome);
        // 5 points overall is past the 3-point margin too; the slice names where it happened.
        var finding = Assert.Single(verdict.Findings, f => f.Rule == "max-pass-rate-drop" && f.Severity == FindingSeverity.Fail && f.Slice != "all");
        Assert.Equal("locale:de-DE", finding.Slice);
        Assert.Equal(GateOutcome.Fail, finding.Evidence!.Decision);
        Assert.Equal(10, finding.Cases.Count);
        Assert.Equal(GateOutcome.Pass, verdict.Slices.Single(s => s.Name == "locale:en-US").Outcome);
        Assert.Equal(10, verdict.Flips.Regressions.Count);
        Assert.True(verdict.Flips.McNemarPValue < 0.01);
    }

    [Fact]
    public void An_underpowered_drop_rule_is_inconclusive_and_says_what_it_would_need()
    {
        var noisy = Deterministic(40, i => Case(i) with { PassProbability = 0.7, Severity = "P2" });
        var options = new GateOptions { MinPassRate = null, MinConsistency = null, MaxPassRateDrop = 0.02 };

        var verdict = NoisyRuns.Gate(noisy, noisy, 3, 7, options);

        Assert.Equal(GateOutcome.Inconclusive, verdict.Outcome);
        var finding = Assert.Single(verdict.Findings, f => f.Rule == "max-pass-rate-drop" && f.Slice == "all");
        Assert.Equal(FindingSeverity.Inconclusive, finding.Severity);
        Assert.Contains("upper bound", finding.Message);
        Assert.Matches(@"would decide: about \d+ cases at k=3", finding.Message);
        Assert.Equal(GateOutcome.Inconclusive, finding.Evidence!.Decision);
        Assert.Equal(0.02, finding.Evidence.Margin);
        Assert.Contains("extra trials on the", finding.Evidence.WouldDecide);
    }

    [Fact]
    public void Missing_cases_are_reported_and_only_shared_cases_are_compared()
    {
        var set = Deterministic(10, Case);
        var candidate = set.Skip(2).Append(new FakeCase("new-case", 1.0)).ToList();

        var verdict = NoisyRuns.Gate(set, candidate, 3, 1, Defaults);

        Assert.Equal(["c00", "c01"], verdict.MissingFromCandidate);
        Assert.Equal(["new-case"], verdict.MissingFromBaseline);
        Assert.Equal(8, verdict.Cases.Count);
        // One-sided cases are evidence the gate lacks: never a pass, and the finding names them.
        Assert.Equal(GateOutcome.Inconclusive, verdict.Outcome);
        Assert.Contains(verdict.Findings, f => f.Rule == "completeness" && f.Severity == FindingSeverity.Inconclusive && f.Cases.SequenceEqual(["c00", "c01"]));
    }

    [Fact]
    public void Min_pass_rate_fails_below_the_floor_and_names_failing_cases()
    {
        var set = Deterministic(20, i => Case(i) with { Severity = "P2", PassProbability = i < 3 ? 0 : 1 });

        var verdict = NoisyRuns.Gate(set, set, 3, 1, new GateOptions { MinPassRate = 0.9, MaxPassRateDrop = null });

        var finding = Assert.Single(verdict.Findings, f => f.Rule == "min-pass-rate" && f.Slice == "all");
        Assert.Equal(0.85, finding.Figure!.Value, 12);
        Assert.Equal(["c00", "c01", "c02"], finding.Cases);
    }

    [Fact]
    public void Cost_per_success_and_p95_latency_are_judged_against_their_limits()
    {
        var set = Deterministic(20, Case);

        var verdict = NoisyRuns.Gate(set, set, 3, 1, Defaults with { MaxCostRatio = 1.5, MaxP95LatencyMs = 2000 },
            candidateCost: 0.002m, candidateLatencyMs: 3000);

        Assert.Equal(2.0, verdict.Cost.Ratio!.Value, 9);
        Assert.Contains(verdict.Findings, f => f.Rule == "max-cost-ratio" && f.Slice == "all" && f.Severity == FindingSeverity.Fail);
        Assert.Contains(verdict.Findings, f => f.Rule == "max-p95-latency-ms" && f.Slice == "all" && f.Cases.Count > 0);
        Assert.True(verdict.Latency.CandidateP95Ms > verdict.Latency.BaselineP95Ms);
    }

    [Fact]
    public void Inconsistent_outputs_fail_min_consistency_and_count_as_flaky()
    {
        var set = Deterministic(20, i => Case(i) with { Severity = "P2" });
        var shaky = set.Select(c => c with { PassProbability = 0.5 }).ToList();

        var verdict = NoisyRuns.Gate(set, shaky, 3, 3, new GateOptions { MinPassRate = null, MaxPassRateDrop = null, P0Regressions = null, MinConsistency = 0.95 });

        var finding = Assert.Single(verdict.Findings, f => f.Rule == "min-consistency" && f.Slice == "all");
        Assert.True(finding.Figure < 0.95);
        Assert.True(verdict.Slices[0].FlakyCases > 0);
        Assert.All(verdict.Cases.Where(c => c.Flaky), c => Assert.InRange(c.CandidatePasses, 1, c.CandidateTrials - 1));
    }

    [Fact]
    public void Slice_globs_expand_to_one_slice_per_value_and_unmatched_specs_are_noted()
    {
        var set = Deterministic(8, Case);

        var verdict = NoisyRuns.Gate(set, set, 1, 1, Defaults with { Slices = ["locale:*", "refunds", "suite:*", "tier:*"] });

        Assert.Equal(["all", "locale:de-DE", "locale:en-US", "refunds", "suite:billing", "suite:support"], verdict.Slices.Select(s => s.Name));
        Assert.Contains(verdict.Findings, f => f.Rule == "slices" && f.Severity == FindingSeverity.Info && f.Slice == "tier:*");
    }
}
