using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Tests.Gating;

public sealed class JudgeTrustTests
{
    private static readonly FakeCase[] Cases = Enumerable.Range(0, 30).Select(i => new FakeCase($"c-{i:00}", 1.0)).ToArray();

    private static GateVerdict PassingVerdict()
    {
        var verdict = NoisyRuns.Gate(Cases, Cases, k: 3, seed: 1, new GateOptions());
        Assert.Equal(GateOutcome.Pass, verdict.Outcome);
        return verdict;
    }

    [Fact]
    public void A_judge_below_the_minimum_agreement_turns_a_pass_into_inconclusive()
    {
        var verdict = JudgeTrust.Apply(PassingVerdict(), minAgreement: 0.8, agreement: 0.6, judgedLabels: 10, modelGradedCases: ["c-01", "c-02"]);
        Assert.Equal(GateOutcome.Inconclusive, verdict.Outcome);
        Assert.Equal(3, verdict.ExitCode);
        var finding = Assert.Single(verdict.Findings, f => f.Rule == JudgeTrust.Rule);
        Assert.Equal(FindingSeverity.Inconclusive, finding.Severity);
        Assert.Contains("not trusted", finding.Message);
        Assert.Equal(["c-01", "c-02"], finding.Cases);
    }

    [Fact]
    public void A_judge_that_agrees_enough_leaves_the_pass_and_notes_the_agreement()
    {
        var verdict = JudgeTrust.Apply(PassingVerdict(), 0.8, 0.9, 10, ["c-01"]);
        Assert.Equal(GateOutcome.Pass, verdict.Outcome);
        Assert.Equal(FindingSeverity.Info, Assert.Single(verdict.Findings, f => f.Rule == JudgeTrust.Rule).Severity);
    }

    [Fact]
    public void Without_any_labelled_case_judged_the_judge_is_not_trusted()
    {
        var verdict = JudgeTrust.Apply(PassingVerdict(), 0.8, null, 0, ["c-01"]);
        Assert.Equal(GateOutcome.Inconclusive, verdict.Outcome);
        Assert.Contains("expect-judge", Assert.Single(verdict.Findings, f => f.Rule == JudgeTrust.Rule).Message);
    }

    [Fact]
    public void Without_model_graded_cases_the_rule_changes_nothing_and_a_failure_stays_a_failure()
    {
        var passing = PassingVerdict();
        Assert.Same(passing, JudgeTrust.Apply(passing, 0.8, 0.1, 10, []));

        var worse = Cases.Select((c, i) => i < 10 ? c with { PassProbability = 0 } : c).ToArray();
        var failing = NoisyRuns.Gate(Cases, worse, k: 3, seed: 1, new GateOptions());
        Assert.Equal(GateOutcome.Fail, JudgeTrust.Apply(failing, 0.8, 0.1, 10, ["c-01"]).Outcome);
    }
}
