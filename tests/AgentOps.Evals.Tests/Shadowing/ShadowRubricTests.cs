using System.Text.RegularExpressions;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;
using AgentOps.Evals.Shadowing;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace AgentOps.Evals.Tests.Shadowing;

/// <summary>The optional reference-free rubric: the judge scores each answer of each side, and min-rubric-score-delta decides on the bounds.</summary>
public sealed partial class ShadowRubricTests(ITestOutputHelper output)
{
    [Fact]
    public void Rubric_rule_on_the_developed_and_held_out_score_families()
    {
        foreach (var inputs in new[] { 20, 60 })
        {
            var developed = RubricRuleSimulation.Developed(200, inputs);
            var heldOut = RubricRuleSimulation.HeldOut(200, inputs);
            output.WriteLine($"{inputs} inputs, developed: false FAIL {developed.FalseFail:P1}, equivalent PASS {developed.EquivalentPass:P1}, worse FAIL {developed.Detection:P1}");
            output.WriteLine($"{inputs} inputs, held-out: false FAIL {heldOut.FalseFail:P1}, equivalent PASS {heldOut.EquivalentPass:P1}, worse FAIL {heldOut.Detection:P1}");
            Assert.True(developed.FalseFail <= 0.05, $"developed false FAIL {developed.FalseFail}");
            Assert.True(heldOut.FalseFail <= 0.05, $"held-out false FAIL {heldOut.FalseFail}");
            // Measured (README): 20 inputs catch a drop on half the inputs only 21% (developed) and 10.5% (held-out) of the time.
            Assert.True(developed.Detection >= (inputs == 20 ? 0.15 : 0.5), $"developed detection {developed.Detection}");
            Assert.True(heldOut.Detection >= (inputs == 20 ? 0.05 : 0.2), $"held-out detection {heldOut.Detection}");
        }
    }

    private static readonly CandidateIdentity Next = new("next", "gpt-5-mini", "abcd1234", "replay", "0.1.0");
    private const string Rubric = "Warns the customer never to share full card numbers in chat.";

    private static readonly ShadowOptions RubricOnly = new()
    {
        MaxCostRatio = null, MaxP95LatencyRatio = null, MaxDivergence = null, MaxJudgeLossRate = null, Slices = ["tier"],
        Rubric = Rubric, MinRubricScoreDelta = -0.5,
    };

    [Fact]
    public async Task The_judge_scores_every_answer_against_the_rubric_with_the_rubric_outside_the_data()
    {
        var asked = new List<string>();
        var judge = new ScriptedChatClient((messages, _, _) =>
        {
            var text = messages.Last(m => m.Role == ChatRole.User).Text;
            asked.Add(text);
            var response = Response().Match(text).Groups[1].Value;
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, response.Contains("card numbers") ? "{\"reasoning\": \"warns\", \"score\": 5}" : "{\"reasoning\": \"no warning\", \"score\": 2}"));
        });
        var scores = await RubricJudge.ScoreAsync(judge, TestCases.Make("c1"), ["Please don't share card numbers here.", "Updated your card.", "Done."], Rubric, Next, CancellationToken.None);
        Assert.Equal(3, asked.Count);
        Assert.All(asked, a => Assert.Contains("<rubric>\n" + Rubric, a));
        Assert.Equal([5.0, 2.0, 2.0], scores.Scores.Select(s => s!.Value));
        Assert.Equal(3, scores.Mean!.Value, 6);
        Assert.Equal("warns", scores.Reasons[0]);
        Assert.Null(scores.Error);
    }

    [Fact]
    public async Task An_unreadable_rubric_verdict_is_left_out_of_the_mean_not_scored_low()
    {
        var calls = 0;
        var judge = new ScriptedChatClient((_, _, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, calls++ < 2 ? "no json here" : "{\"reasoning\": \"ok\", \"score\": 4}")));
        var scores = await RubricJudge.ScoreAsync(judge, TestCases.Make("c1"), ["a", "b"], Rubric, Next, CancellationToken.None);
        Assert.Null(scores.Scores[0]);
        Assert.NotNull(scores.Error);
        Assert.Equal(4, scores.Mean!.Value, 6);
    }

    private static InputComparison Scored(string id, double baseline, double candidate, string tier = "pro") =>
        ShadowFixtures.Compare(id, ["a", "a", "a"], ["a", "a", "a"], tier) with
        {
            BaselineRubric = new RubricScores([baseline, baseline, baseline], ["", "", ""]),
            CandidateRubric = new RubricScores([candidate, candidate - 0.5, candidate + 0.5], ["", "", ""]),
        };

    [Fact]
    public void A_candidate_a_point_worse_on_the_rubric_fails_and_an_equal_one_passes()
    {
        var worse = Enumerable.Range(0, 12).Select(i => Scored($"w{i}", 4 + (i % 2) * 0.5, 3 - (i % 3) * 0.25)).ToList();
        var verdict = ShadowEvaluator.Evaluate(worse, RubricOnly, judged: true, rubricScored: true);
        var check = verdict.Slices[0].Checks.Single(c => c.Rule == "min-rubric-score-delta");
        Assert.Equal(GateOutcome.Fail, check.Decision);
        Assert.True(check.Upper < -0.5);

        var same = Enumerable.Range(0, 12).Select(i => Scored($"s{i}", 4, 4 + (i % 2 == 0 ? 0.25 : -0.25))).ToList();
        var pass = ShadowEvaluator.Evaluate(same, RubricOnly, judged: true, rubricScored: true);
        Assert.Equal(GateOutcome.Pass, pass.Slices[0].Checks.Single(c => c.Rule == "min-rubric-score-delta").Decision);
        Assert.Equal(GateOutcome.Pass, pass.Outcome);
    }

    [Fact]
    public void Without_a_rubric_score_the_rule_is_reported_off_with_the_reason()
    {
        var inputs = Enumerable.Range(0, 4).Select(i => ShadowFixtures.Compare($"c{i}", ["a"], ["a"])).ToList();
        var noRubric = ShadowEvaluator.Evaluate(inputs, RubricOnly with { Rubric = null }, judged: true, rubricScored: false);
        Assert.Contains("min-rubric-score-delta (no shadow.rubric)", noRubric.RulesOff);
        var noJudge = ShadowEvaluator.Evaluate(inputs, RubricOnly, judged: false, rubricScored: false);
        Assert.Contains("min-rubric-score-delta (no judge)", noJudge.RulesOff);
    }

    [Fact]
    public void The_config_reads_the_rubric_and_a_negative_delta_and_reports_a_bad_one_at_its_line()
    {
        var dir = Path.Combine(Path.GetTempPath(), "shadow-rubric-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "eval.config.yaml");
            File.WriteAllText(file, "shadow:\n  rubric: \"Warns about card numbers.\"\n  min-rubric-score-delta: -0.5\n");
            var config = ConfigLoader.Load(file);
            Assert.Equal("Warns about card numbers.", config.Shadow.Rubric);
            Assert.Equal(-0.5, config.Shadow.MinRubricScoreDelta);
            File.WriteAllText(file, "shadow:\n  rubric: x\n  min-rubric-score-delta: -9\n");
            var error = Assert.Throws<AgentOps.Evals.Diagnostics.InputException>(() => ConfigLoader.Load(file));
            Assert.Contains(error.Problems, p => p.Field == "shadow.min-rubric-score-delta" && p.Location.Line == 3);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Unrecorded_tool_calls_are_counted_per_side_and_marked_in_the_markdown()
    {
        var tools = new List<MockTool> { new("get_order_status", "Recorded from production", null, System.Text.Json.Nodes.JsonNode.Parse("{\"status\":\"shipped\"}")) };
        var goldenCase = TestCases.Make("u1", tools: tools);
        var input = new ShadowInput(goldenCase, new Dictionary<string, string> { ["tier"] = "pro" }, null, ["create_label"], 0);
        TrialResult Trial(int index, params string[] calls) => ShadowFixtures.Trial("u1", index, "ok") with
        {
            Trajectory = new Trajectory([], calls.Select(c => new ToolCallRecord(0, c, "{}", null)).ToList()),
        };
        var baseline = SideFigures.Of([Trial(0, "get_order_status"), Trial(1, "get_order_status")]);
        // create_label: called in production, result not in the trace; refund_order: production never called it.
        var candidate = SideFigures.Of([Trial(0, "get_order_status", "create_label"), Trial(1, "refund_order"), Trial(2, "get_order_status")]);
        var comparison = InputComparison.Of(input, baseline, candidate, null);
        Assert.Equal(0, comparison.Unrecorded.BaselineTrials);
        Assert.Equal(2, comparison.Unrecorded.CandidateTrials);
        Assert.Equal(["create_label", "refund_order"], comparison.Unrecorded.Tools);
        Assert.True(input.HasRecordedResult("get_order_status"));
        Assert.False(input.HasRecordedResult("create_label"));

        var report = new ShadowReport("prod", "next", null, Next, null, "run-1", 3, [comparison],
            ShadowEvaluator.Evaluate([comparison], new ShadowOptions { Slices = [] }, judged: false), []);
        var markdown = ShadowMarkdownWriter.ToMarkdown(report);
        Assert.Contains("no recorded production result for create\\_label, refund\\_order", markdown);
        Assert.Contains("2 next trial(s)", markdown);
        Assert.Contains("\"candidateTrials\": 2", ShadowJsonWriter.ToJson(report));
    }

    [GeneratedRegex("<response>(.*?)</response>", RegexOptions.Singleline)]
    private static partial Regex Response();
}
