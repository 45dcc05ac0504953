using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Tests.Gating;

/// <summary>
/// The issue's "Must show": error rates of the gate measured over 20 seeds of a noisy fake. The set looks
/// like a production golden set: most cases nearly always pass, some are shaky, a few are coin flips.
/// Only the rules under test are on; each other rule has its own tests.
/// </summary>
public sealed class GateTrustTests
{
    private const int Seeds = 20;
    private const int K = 3;

    // 0.04 is a threshold 200 cases × 3 trials of this set can resolve (smallest detectable drop ≈ 3 points).
    private static readonly GateOptions DropRules = new()
    {
        MinPassRate = null,
        MaxPassRateDrop = 0.04,
        P0Regressions = 0,
        MinConsistency = null,
        MaxCostRatio = 1.5,
        MaxP95LatencyMs = null,
        MaxInfraErrorRate = 0.05,
    };

    private static List<FakeCase> ProductionLikeSet(int count = 200) =>
        Enumerable.Range(0, count).Select(i => new FakeCase(
            $"case-{i:000}",
            (i % 10) switch { < 7 => 0.99, < 9 => 0.9, _ => 0.5 },
            Severity: i % 20 == 0 ? "P0" : "P2",
            Tags: [i % 2 == 0 ? "locale:de-DE" : "locale:en-US"])).ToList();

    private static List<FakeCase> Dropped(IEnumerable<FakeCase> cases, double drop) =>
        cases.Select(c => c with { PassProbability = Math.Max(0, c.PassProbability - drop) }).ToList();

    [Fact]
    public void A_candidate_equal_to_the_baseline_passes_in_at_least_19_of_20_seeds()
    {
        var set = ProductionLikeSet();

        var verdicts = Enumerable.Range(1, Seeds).Select(seed => NoisyRuns.Gate(set, set, K, seed, DropRules)).ToList();

        var passes = verdicts.Count(v => v.Outcome == GateOutcome.Pass);
        var other = verdicts.FirstOrDefault(v => v.Outcome != GateOutcome.Pass);
        Assert.True(passes >= 19, $"passed {passes}/20; first other verdict: {string.Join(" | ", other?.Findings.Select(f => f.Message) ?? [])}");
    }

    [Fact]
    public void A_true_10_point_drop_on_200_cases_at_k_3_fails_in_at_least_19_of_20_seeds_on_the_drop_rule()
    {
        var set = ProductionLikeSet();
        var worse = Dropped(set, 0.10);
        // P0 cases keep their rate so the drop rule, not a P0 flip, has to catch this.
        worse = worse.Select((c, i) => c.Severity == "P0" ? set[i] : c).ToList();

        var verdicts = Enumerable.Range(1, Seeds).Select(seed => NoisyRuns.Gate(set, worse, K, seed, DropRules)).ToList();

        var caught = verdicts.Count(v => v.Outcome == GateOutcome.Fail
            && v.Findings.Any(f => f.Rule == "max-pass-rate-drop" && f.Slice == GateEvaluator.Overall && f.Severity == FindingSeverity.Fail));
        Assert.True(caught >= 19, $"caught {caught}/20");
    }

    [Fact]
    public void One_regressed_P0_case_always_fails()
    {
        var set = ProductionLikeSet().Select(c => c.Id == "case-000" ? c with { PassProbability = 1.0 } : c).ToList();
        var broken = set.Select(c => c.Id == "case-000" ? c with { PassProbability = 0.0 } : c).ToList();

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var verdict = NoisyRuns.Gate(set, broken, K, seed, DropRules);

            Assert.Equal(GateOutcome.Fail, verdict.Outcome);
            Assert.Equal(1, verdict.ExitCode);
            var finding = Assert.Single(verdict.Findings, f => f.Rule == "p0-regressions" && f.Severity == FindingSeverity.Fail);
            Assert.Contains("case-000", finding.Cases);
        }
    }

    [Fact]
    public void Thirty_percent_infrastructure_errors_are_inconclusive_never_a_pass()
    {
        var set = ProductionLikeSet();
        var worse = Dropped(set, 0.10);

        for (var seed = 1; seed <= Seeds; seed++)
        {
            var equal = NoisyRuns.Gate(set, set, K, seed, DropRules, candidateInfraErrorRate: 0.3);
            var dropped = NoisyRuns.Gate(set, worse, K, seed, DropRules, candidateInfraErrorRate: 0.3);

            Assert.Equal(GateOutcome.Inconclusive, equal.Outcome);
            Assert.Equal(3, equal.ExitCode);
            Assert.Equal(GateOutcome.Inconclusive, dropped.Outcome);
            Assert.Contains(equal.Findings, f => f.Rule == "infra-errors" && f.Severity == FindingSeverity.Inconclusive);
        }
    }
}
