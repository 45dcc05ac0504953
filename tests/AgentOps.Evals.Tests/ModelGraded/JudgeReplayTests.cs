using AgentOps.Evals.Config;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.ModelGraded;

public sealed class JudgeReplayTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agentops-judge-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_replay_judge_serves_its_verdicts_from_judge_jsonl()
    {
        const string rubric = """{"rubric": "States the 14-day EU withdrawal right"}""";
        var cassette = CassetteFile.Load(CassetteFile.PathFor(_folder, ChatClientFactory.JudgeCassette));
        var live = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("""{"reasoning":"states 14 days","score":5}""", input: 1_000_000, output: 0));
        var recorder = new JudgeChatClient(new RecordingChatClient(live, cassette), "gpt-4.1", JudgePrompts.Default);
        var recorded = await JudgeTrial.Evaluate("llm-rubric", rubric, JudgeTrial.Context("14 days", recorder));
        cassette.Save();
        Assert.True(recorded.Passed);
        Assert.True(File.Exists(Path.Combine(_folder, "judge.jsonl")));

        var config = new EvalConfig
        {
            BaseDirectory = _folder,
            Providers = new Dictionary<string, ProviderConfig> { ["replay"] = new("replay", "replay", Cassettes: ".") },
            Judge = new JudgeConfig("gpt-4.1", "replay"),
            Pricing = new Dictionary<string, ModelPrice> { ["gpt-4.1"] = new(2m, 8m) },
        };
        var replay = ChatClientFactory.CreateJudge(config)!;
        // Bound to the trial the way the runner binds it: the replayed call's cost lands on the trial's judge-spend meter.
        var context = JudgeTrial.Context("14 days", null);
        var trial = new TrialContext(context.Case, context.TrialIndex, context.Candidate);
        var bound = new TrialBoundChatClient(replay, trial.ForJudge(ChatClientFactory.JudgeCassette));
        var replayed = await JudgeTrial.Evaluate("llm-rubric", rubric, context with { Judge = bound });
        Assert.Equal(recorded, replayed);
        Assert.Equal(1, live.Calls);
        Assert.Equal(2m, trial.JudgeSpend.CostUsd);
        Assert.Equal(0m, trial.Usage.CostUsd);

        // Another response is another question: not in the cassette, so an infrastructure error naming the judge's cassette.
        var missing = await JudgeTrial.Evaluate("llm-rubric", rubric, JudgeTrial.Context("30 days", replay));
        Assert.True(missing.InfraError);
        Assert.Contains("judge.jsonl", missing.Reason);
    }

    [Fact]
    public void No_judge_in_config_means_no_judge_client()
    {
        Assert.Null(ChatClientFactory.CreateJudge(new EvalConfig { BaseDirectory = _folder }));
    }

    [Fact]
    public void A_judge_prompt_override_that_does_not_exist_is_bad_input()
    {
        var config = new EvalConfig
        {
            BaseDirectory = _folder,
            Providers = new Dictionary<string, ProviderConfig> { ["replay"] = new("replay", "replay", Cassettes: ".") },
            Judge = new JudgeConfig("gpt-4.1", "replay", new Dictionary<string, string> { ["llm-rubric"] = "prompts/judge-rubric.md" }),
        };
        var error = Assert.Throws<Diagnostics.InputException>(() => ChatClientFactory.CreateJudge(config));
        Assert.Equal("judge.prompts.llm-rubric", Assert.Single(error.Problems).Field);
    }
}
