using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Gating;

/// <summary>The gate never passes on evidence it lacks, and one infrastructure error cannot flip a case.</summary>
public sealed class CompletenessTests
{
    private static readonly GateOptions Options = new() { MinPassRate = null, MinConsistency = null, MaxCostRatio = null, MaxInfraErrorRate = 0.5 };

    private static List<FakeCase> Set() => Enumerable.Range(0, 60).Select(i => new FakeCase($"c{i:00}", 1.0, Severity: i == 0 ? "P0" : "P2")).ToList();

    [Fact]
    public void A_candidate_run_killed_part_way_is_inconclusive_and_names_the_resume_command()
    {
        var set = Set();
        var (baseRun, baseTrials) = NoisyRuns.Generate("base", "prod", set, 3, new Random(1));
        var (candRun, candTrials) = NoisyRuns.Generate("cand", "next", set, 3, new Random(2));
        candRun = candRun with { Status = RunStatus.Running };
        var stored = candTrials.Where(t => string.CompareOrdinal(t.CaseId, "c20") < 0).ToList();

        var verdict = GateEvaluator.Evaluate(new GateInput(baseRun, baseTrials, candRun, stored, Options));

        Assert.Equal(GateOutcome.Inconclusive, verdict.Outcome);
        Assert.Contains(verdict.Findings, f => f.Rule == "completeness" && f.Message.Contains("agentops-evals run --resume cand", StringComparison.Ordinal));
        Assert.Contains(verdict.Findings, f => f.Rule == "completeness" && f.Message.Contains("missing 120 of 180 planned trials", StringComparison.Ordinal));
    }

    [Fact]
    public void A_P0_case_whose_every_candidate_trial_crashed_is_never_a_pass()
    {
        var set = Set();
        var (baseRun, baseTrials) = NoisyRuns.Generate("base", "prod", set, 3, new Random(1));
        var (candRun, candTrials) = NoisyRuns.Generate("cand", "next", set, 3, new Random(2));
        var crashed = candTrials.Select(t => t.CaseId == "c00" ? t with { Outcome = TrialOutcome.InfraError, Error = "HTTP 500" } : t).ToList();

        var verdict = GateEvaluator.Evaluate(new GateInput(baseRun, baseTrials, candRun, crashed, Options));

        Assert.Equal(GateOutcome.Inconclusive, verdict.Outcome);
        var finding = Assert.Single(verdict.Findings, f => f.Rule == "completeness");
        Assert.Equal(["c00"], finding.Cases);
        Assert.Contains("1 of them P0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_infrastructure_error_cannot_turn_a_P0_case_into_a_regression()
    {
        var set = Set();
        var (baseRun, baseTrials) = NoisyRuns.Generate("base", "prod", set, 3, new Random(1));
        var (candRun, candTrials) = NoisyRuns.Generate("cand", "next", set, 3, new Random(2));
        // c00 on the candidate: one infra error, one pass, one fail — a 1–1 tie over judged trials.
        var tied = candTrials.Select(t => t.CaseId != "c00" ? t
            : t.TrialIndex == 0 ? t with { Outcome = TrialOutcome.InfraError }
            : t.TrialIndex == 1 ? t with { Outcome = TrialOutcome.Failed } : t).ToList();

        var verdict = GateEvaluator.Evaluate(new GateInput(baseRun, baseTrials, candRun, tied, Options));

        Assert.Equal(CaseFlip.None, Assert.Single(verdict.Cases, c => c.Id == "c00").Flip);
        Assert.DoesNotContain(verdict.Findings, f => f.Rule == "p0-regressions" && f.Severity == FindingSeverity.Fail);
    }

    [Fact]
    public async Task Extra_trials_go_only_to_varying_cases_and_stay_within_the_budget()
    {
        // 30 coin-flip cases out of 60: at the first look (α 0.01) the drop cannot be bounded below 5 points.
        var set = Set().Select((c, i) => i < 30 ? c with { PassProbability = 0.5 } : c).ToList();
        var (baseRun, baseTrials) = NoisyRuns.Generate("base", "prod", set, 3, new Random(3));
        var (candRun, candTrials) = NoisyRuns.Generate("cand", "next", set, 3, new Random(4));
        var asked = new List<ExtraTrialRequest>();
        var random = new Random(5);

        var verdict = await SequentialGate.EvaluateAsync(
            new GateInput(baseRun, baseTrials, candRun, candTrials, Options with { MaxExtraTrials = 60 }),
            (requests, _) =>
            {
                asked.AddRange(requests);
                IReadOnlyList<TrialResult> results = requests.SelectMany(r => Enumerable.Range(r.FirstTrialIndex, r.Trials).Select(i => new TrialResult
                {
                    RunId = r.RunId, CaseId = r.CaseId, TrialIndex = i,
                    Outcome = random.NextDouble() < set.Single(c => c.Id == r.CaseId).PassProbability ? TrialOutcome.Passed : TrialOutcome.Failed,
                })).ToList();
                return Task.FromResult(results);
            }, CancellationToken.None);

        Assert.NotEmpty(asked);
        Assert.True(asked.Sum(r => r.Trials) <= 60);
        Assert.True(verdict.ExtraTrials <= 60);
        Assert.All(asked, r => Assert.True(string.CompareOrdinal(r.CaseId, "c30") < 0, $"{r.CaseId} never varies"));
        Assert.All(asked, r => Assert.True(r.FirstTrialIndex >= 3));
        Assert.Equal(0.04, verdict.Alpha, 9);
    }
}
