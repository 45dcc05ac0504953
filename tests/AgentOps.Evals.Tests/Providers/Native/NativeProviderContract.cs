using System.Text.Json;
using AgentOps.Evals.Config;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Evals.Tests.Providers.Native;

/// <summary>What every native provider must do through the harness's pipeline (ChatClientFactory: cost meter, retries,
/// recording, rate limiter, timeout, provider boundary), each proven against a local fake of the provider's own wire format.</summary>
public abstract class NativeProviderContract : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-native").FullName;

    /// <summary>A key variable per test class, so parallel classes never share one.</summary>
    protected string KeyVariable { get; } = "AGENTOPS_TEST_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    protected const string Key = "sk-test-0123456789abcdef";

    protected NativeProviderContract() => Environment.SetEnvironmentVariable(KeyVariable, Key);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(KeyVariable, null);
        Directory.Delete(_dir, recursive: true);
    }

    protected abstract string Type { get; }
    protected abstract string Model { get; }
    private protected abstract WireReply Text(string text, int input, int output);
    private protected abstract WireReply ToolCall(string tool, object arguments);
    private protected abstract WireReply Stream(string[] parts, int input, int output);

    /// <summary>The provider as a config would hold it, pointed at the fake.</summary>
    protected abstract ProviderConfig Provider(Uri fake);

    /// <summary>Checks the request is in the provider's own format: path, auth, model, settings and tools as the provider names them.</summary>
    private protected abstract void AssertWireRequest(WireRequest request, JsonElement body, bool withTools);

    private EvalConfig Config(Uri fake, int retries = 2) => new()
    {
        BaseDirectory = _dir,
        Providers = new Dictionary<string, ProviderConfig>
        {
            ["live"] = Provider(fake) with { Cassettes = "cassettes" },
            ["replay"] = new("replay", "replay", Cassettes: "cassettes"),
        },
        Pricing = new Dictionary<string, ModelPrice> { [Model] = new(3m, 15m) },
        Run = new RunOptions { Retries = retries, RetryBudgetSeconds = 60 },
    };

    private static readonly AITool OrderTool = AIFunctionFactory.CreateDeclaration("get_order_status", "Look up an order",
        JsonDocument.Parse("""{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}""").RootElement);

    private ChatOptions Options(bool tools = false)
    {
        var options = new ChatOptions { ModelId = Model };
        new ModelSettings(Temperature: 0.25, TopP: 0.9, MaxOutputTokens: 300, Stop: ["END"]).ApplyTo(options);
        if (tools) options.Tools = [OrderTool];
        return options;
    }

    private static List<ChatMessage> Messages => [new(ChatRole.System, "You are a support agent."), new(ChatRole.User, "Where is order A-1001?")];

    [Fact]
    public async Task A_plain_call_speaks_the_providers_wire_format_and_its_usage_is_priced()
    {
        using var fake = WireFake.Start(Text("It was delivered on June 1.", 1000, 200));
        var config = Config(fake.BaseUrl);
        var trial = Trials.Context();
        var client = new TrialBoundChatClient(ChatClientFactory.Create(config, config.Providers["live"], "prod", Model), trial);

        var response = await client.GetResponseAsync(Messages, Options());

        Assert.Equal("It was delivered on June 1.", response.Text);
        Assert.Equal(1000, response.Usage!.InputTokenCount);
        Assert.Equal(200, response.Usage.OutputTokenCount);
        // 1000 × $3/M + 200 × $15/M
        Assert.Equal(0.006m, trial.Usage.CostUsd);
        var request = Assert.Single(fake.Requests);
        using var body = JsonDocument.Parse(request.Body);
        AssertWireRequest(request, body.RootElement, withTools: false);
        Assert.DoesNotContain("agentops", request.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tool_call_comes_back_as_a_function_call_with_its_arguments()
    {
        using var fake = WireFake.Start(ToolCall("get_order_status", new { order_id = "A-1001" }));
        var config = Config(fake.BaseUrl);
        var client = new TrialBoundChatClient(ChatClientFactory.Create(config, config.Providers["live"], "prod", Model), Trials.Context());

        var response = await client.GetResponseAsync(Messages, Options(tools: true));

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_order_status", call.Name);
        Assert.Equal("A-1001", call.Arguments!["order_id"]?.ToString());
        using var body = JsonDocument.Parse(Assert.Single(fake.Requests).Body);
        AssertWireRequest(fake.Requests[0], body.RootElement, withTools: true);
    }

    [Fact]
    public async Task A_429_waits_out_the_servers_retry_after_in_the_shared_retry_loop()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-03T18:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var fake = WireFake.Start(time, WireReplies.RateLimited(7), Text("after the wait", 10, 5));
        var config = Config(fake.BaseUrl);
        // Its own provider name: the limiter registry is per process, and this limiter must run on the fake clock.
        var provider = config.Providers["live"] with { Name = "live-" + Guid.NewGuid().ToString("N") };
        var client = new TrialBoundChatClient(ChatClientFactory.Create(config, provider, "prod", Model, time: time), Trials.Context());

        var call = client.GetResponseAsync(Messages, Options());
        // Move the fake clock a second at a time until the retry lands (bounded: never a wall-clock assertion).
        for (var step = 0; step < 200 && !call.IsCompleted; step++)
        {
            await Task.Delay(25);
            if (fake.Requests.Count >= 1) time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal("after the wait", (await call).Text);
        Assert.Equal(2, fake.Requests.Count);
        Assert.True(fake.Requests[1].At - fake.Requests[0].At >= TimeSpan.FromSeconds(7),
            $"the retry came {(fake.Requests[1].At - fake.Requests[0].At).TotalSeconds} s after the 429; retry-after asked for 7 s");
    }

    [Fact]
    public async Task A_429_past_the_retry_budget_is_a_rate_limited_infra_error_naming_the_provider_not_the_key()
    {
        using var fake = WireFake.Start(WireReplies.RateLimited(600));
        var config = Config(fake.BaseUrl);
        var client = new TrialBoundChatClient(ChatClientFactory.Create(config, config.Providers["live"], "prod", Model), Trials.Context());

        // retry-after 600 s is past the 60 s budget: no retry at all, and no 600 s wait.
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => client.GetResponseAsync(Messages, Options()));

        Assert.Equal("rate-limited", error.Kind);
        Assert.Single(fake.Requests);
        Assert.DoesNotContain(Key, error.ToString());
    }

    [Fact]
    public async Task A_streamed_reply_arrives_in_parts_and_is_priced_from_its_final_usage()
    {
        using var fake = WireFake.Start(Stream(["Deliv", "ered ", "June 1."], 1000, 200));
        var config = Config(fake.BaseUrl);
        var trial = Trials.Context();
        var client = new TrialBoundChatClient(ChatClientFactory.Create(config, config.Providers["live"], "prod", Model), trial);

        var updates = await Trials.ReadAllAsync(client.GetStreamingResponseAsync(Messages, Options()));

        Assert.True(updates.Count(u => u.Text.Length > 0) >= 3, $"expected the three parts as separate updates, got {updates.Count(u => u.Text.Length > 0)}");
        Assert.Equal("Delivered June 1.", updates.ToChatResponse().Text);
        Assert.Equal(0.006m, trial.Usage.CostUsd);
    }

    [Fact]
    public async Task A_recorded_call_replays_offline_with_the_same_answer_and_cost()
    {
        using var fake = WireFake.Start(Text("Recorded answer.", 1000, 200));
        var config = Config(fake.BaseUrl);
        var cassette = CassetteFile.Load(CassetteFile.PathFor(Path.Combine(_dir, "cassettes"), "prod"));
        var recording = new TrialBoundChatClient(ChatClientFactory.Create(config, config.Providers["live"], "prod", Model, recordTo: cassette), Trials.Context());
        await recording.GetResponseAsync(Messages, Options());
        cassette.Save();
        fake.Dispose();

        var trial = Trials.Context();
        var replay = new TrialBoundChatClient(ChatClientFactory.Create(config, config.Providers["replay"], "prod", Model), trial);
        var replayed = await replay.GetResponseAsync(Messages, Options());

        Assert.Equal("Recorded answer.", replayed.Text);
        Assert.Equal(0.006m, trial.Usage.CostUsd);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public void A_key_variable_that_is_not_set_is_bad_input_naming_the_field()
    {
        var config = Config(new Uri("http://127.0.0.1:9/"));
        var provider = config.Providers["live"] with { ApiKeyEnv = "AGENTOPS_TEST_UNSET_" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant() };
        var error = Assert.Throws<AgentOps.Evals.Diagnostics.InputException>(() => ChatClientFactory.Create(config, provider, "prod", Model));
        Assert.Contains("providers.live.api-key-env", error.Message);
    }
}
