using AgentOps.Evals.Providers;
using AgentOps.Evals.Config;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Providers;

public sealed class RecordReplayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-cassettes").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_recorded_call_replays_exactly_without_the_live_client()
    {
        var path = CassetteFile.PathFor(_dir, "prod");
        var live = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("Your order A-1001 was delivered.", 42, 7));
        var cassette = CassetteFile.Load(path);
        var recorder = new TrialBoundChatClient(new ChatClientBuilder(live).UseRecording(cassette).Build(), Trials.Context("orders-001", 1));
        var messages = new List<ChatMessage> { new(ChatRole.System, "support-agent v3"), new(ChatRole.User, "Where is A-1001?") };
        var options = new ChatOptions { ModelId = "gpt-4.1-mini" };
        await recorder.GetResponseAsync(messages, options);
        cassette.Save();

        var offline = new ScriptedChatClient((_, _, _) => throw new InvalidOperationException("replay must not call the provider"));
        var trial = Trials.Context("orders-001", 1);
        var replay = new TrialBoundChatClient(new ChatClientBuilder(offline).UseReplay(CassetteFile.Load(path)).Build(), trial);
        var replayed = await replay.GetResponseAsync(messages, options);

        Assert.Equal("Your order A-1001 was delivered.", replayed.Text);
        Assert.Equal(42, replayed.Usage!.InputTokenCount);
        Assert.Equal(7, replayed.Usage.OutputTokenCount);
        Assert.Equal(1, live.Calls);
        Assert.Equal(0, offline.Calls);
        Assert.Equal(1, trial.Usage.Read().RecordedCalls);
    }

    [Fact]
    public async Task A_missing_recording_names_the_case_the_candidate_the_key_and_the_command()
    {
        var live = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("recorded for trial 0"));
        var cassette = CassetteFile.Load(CassetteFile.PathFor(_dir, "prod"));
        var recorder = new TrialBoundChatClient(new RecordingChatClient(live, cassette), Trials.Context("account-007", 0));
        var messages = new List<ChatMessage> { new(ChatRole.User, "hi") };
        await recorder.GetResponseAsync(messages, new ChatOptions { ModelId = "m" });

        var replay = new TrialBoundChatClient(new ReplayingChatClient(live, cassette), Trials.Context("account-007", 1));
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => replay.GetResponseAsync(messages, new ChatOptions { ModelId = "m" }));
        Assert.Equal("missing-recording", error.Kind);
        Assert.Contains("account-007", error.Message);
        Assert.Contains("'prod'", error.Message);
        Assert.Matches("key [0-9a-f]{16}", error.Message);
        Assert.Contains("--record", error.Message);
    }

    [Fact]
    public void The_key_changes_with_model_messages_tools_and_trial_but_not_with_tool_call_ids()
    {
        var messages = new List<ChatMessage> { new(ChatRole.User, "hi") };
        var baseKey = CassetteKey.Compute("m", messages, null, 0);
        Assert.NotEqual(baseKey, CassetteKey.Compute("m2", messages, null, 0));
        Assert.NotEqual(baseKey, CassetteKey.Compute("m", [new(ChatRole.User, "hi!")], null, 0));
        Assert.NotEqual(baseKey, CassetteKey.Compute("m", messages, null, 1));
        var withTool = new ChatOptions { Tools = [AIFunctionFactory.CreateDeclaration("t", "d", System.Text.Json.JsonDocument.Parse("{}").RootElement)] };
        Assert.NotEqual(baseKey, CassetteKey.Compute("m", messages, withTool, 0));

        List<ChatMessage> WithCall(string id) => [new(ChatRole.User, "hi"), new(ChatRole.Assistant, [new FunctionCallContent(id, "t", new Dictionary<string, object?> { ["a"] = 1 })])];
        Assert.Equal(CassetteKey.Compute("m", WithCall("call_a"), null, 0), CassetteKey.Compute("m", WithCall("call_b"), null, 0));
    }

    [Fact]
    public void Cassettes_are_written_sorted_by_case_then_trial()
    {
        var cassette = new CassetteFile(CassetteFile.PathFor(_dir, "next"));
        cassette.Add(new CassetteEntry { Key = "b", Case = "refunds-002", Trial = 1, Model = "m" });
        cassette.Add(new CassetteEntry { Key = "c", Case = "orders-001", Trial = 0, Model = "m" });
        cassette.Add(new CassetteEntry { Key = "a", Case = "refunds-002", Trial = 0, Model = "m" });
        cassette.Save();
        var lines = File.ReadAllLines(cassette.Path);
        Assert.Equal(["orders-001", "refunds-002", "refunds-002"], lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("case").GetString()!).ToArray());
        Assert.Contains("\"trial\":0", lines[1]);
    }
    [Fact]
    public async Task The_provider_never_sees_the_trial_context()
    {
        ChatOptions? seen = null;
        var provider = new ScriptedChatClient((_, options, _) => { seen = options; return ScriptedChatClient.Text("ok"); });
        var client = new TrialBoundChatClient(new ChatClientBuilder(provider).UseProviderBoundary().Build(), Trials.Context());
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { ModelId = "m" });
        Assert.Equal("m", seen!.ModelId);
        Assert.Null(TrialContext.From(seen));

        await Trials.ReadAllAsync(client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { ModelId = "m" }));
        Assert.Null(TrialContext.From(seen));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentOps.Evals.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
