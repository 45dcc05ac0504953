using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Running;
using AgentOps.Evals.Tests.ModelGraded;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Calibration;

public sealed class CalibrationTests
{
    private static IEnumerable<CalibrationItem> Items(int count, bool human, bool? judge) =>
        Enumerable.Range(0, count).Select(i => new CalibrationItem($"{human}-{judge}-{i}", human, judge, ""));

    [Fact]
    public void Kappa_matches_the_textbook_two_by_two_example()
    {
        // 20 both yes, 15 both no, 5 human yes/judge no, 10 human no/judge yes: po = 0.7, pe = 0.5, kappa = 0.4.
        var result = CalibrationResult.Compute([.. Items(20, true, true), .. Items(15, false, false), .. Items(5, true, false), .. Items(10, false, true), .. Items(3, true, null)]);
        Assert.Equal(50, result.Judged);
        Assert.Equal(3, result.JudgeErrors);
        Assert.Equal(0.7, result.Agreement!.Value, 10);
        Assert.Equal(0.4, result.Kappa!.Value, 10);
    }

    [Fact]
    public void A_judge_that_always_says_pass_agrees_often_but_has_no_kappa_beyond_chance()
    {
        var result = CalibrationResult.Compute([.. Items(9, true, true), .. Items(1, false, true)]);
        Assert.Equal(0.9, result.Agreement!.Value, 10);
        Assert.Equal(0, result.Kappa!.Value, 10);
    }

    [Fact]
    public void Kappa_is_undefined_when_everything_is_one_class_and_absent_without_judged_cases()
    {
        Assert.Null(CalibrationResult.Compute([.. Items(4, true, true)]).Kappa);
        var none = CalibrationResult.Compute([.. Items(2, true, null)]);
        Assert.Null(none.Agreement);
        Assert.Equal(0, none.Judged);
    }

    [Fact]
    public async Task The_judge_grades_the_stored_output_of_a_labelled_case()
    {
        var spec = JudgeTrial.Spec("llm-rubric", """{"rubric": "States the 14-day EU withdrawal right"}""");
        var labelled = TestCases.Make("refunds-eu-012", expect: [TestCases.Assert("contains", "14"), spec]) with { ExpectJudge = false };
        var stored = new[]
        {
            new TrialResult { RunId = "r", CaseId = "refunds-eu-012", TrialIndex = 0, Outcome = TrialOutcome.InfraError, Output = "" },
            new TrialResult { RunId = "r", CaseId = "refunds-eu-012", TrialIndex = 1, Outcome = TrialOutcome.Passed, Output = "You have 14 days." },
        };
        var judge = new InjectionObeyingJudge();
        var candidate = new CandidateIdentity("prod", "m", "abcd1234", "replay", "0.1.0");
        var item = await CalibrationJudge.JudgeAsync(labelled, stored, candidate, judge, EvaluatorRegistry.CreateDefault());
        Assert.Equal(1, judge.Calls);
        Assert.True(item.JudgePass);
        Assert.False(item.HumanPass);
        Assert.Contains("judge score 5/5", item.Reason);

        var unparseable = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("no idea"));
        var error = await CalibrationJudge.JudgeAsync(labelled, stored, candidate, unparseable, EvaluatorRegistry.CreateDefault());
        Assert.Null(error.JudgePass);

        var unGraded = await CalibrationJudge.JudgeAsync(labelled with { Expect = [TestCases.Assert("contains", "14")] }, stored, candidate, judge, EvaluatorRegistry.CreateDefault());
        Assert.Null(unGraded.JudgePass);
        Assert.Contains("no model-graded assertion", unGraded.Reason);
    }
}
