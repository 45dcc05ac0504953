using AgentOps.Evals.Config;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Providers;

/// <summary>Each decorator applies to a streamed call as it does to a plain one (before, streaming skipped them all).</summary>
public sealed class StreamingDecoratorTests : IDisposable
{
    private static readonly RetryPolicy Fast = new(3, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5));
    private static readonly List<ChatMessage> Hi = [new(ChatRole.User, "hi")];
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-streaming").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Retry_retries_a_stream_that_fails_before_its_first_update()
    {
        var inner = new ScriptedChatClient((_, _, call) => call <= 2 ? throw new InfrastructureException("rate-limited", "429") : ScriptedChatClient.Text("ok"));
        var updates = await Trials.ReadAllAsync(new RetryingChatClient(inner, Fast).GetStreamingResponseAsync(Hi));
        Assert.Equal("ok", updates.ToChatResponse().Text);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task Retry_never_repeats_a_stream_that_failed_after_its_first_update()
    {
        var inner = new BrokenStreamChatClient();
        var client = new RetryingChatClient(inner, Fast);
        var seen = new List<string>();
        var error = await Assert.ThrowsAsync<InfrastructureException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hi)) seen.Add(update.Text);
        });
        Assert.Equal("server-error", error.Kind);
        Assert.Equal(["Your order"], seen);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task Retry_classifies_a_stream_that_keeps_failing()
    {
        var inner = new ScriptedChatClient((_, _, _) => throw new HttpRequestException("503", null, System.Net.HttpStatusCode.ServiceUnavailable));
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => Trials.ReadAllAsync(new RetryingChatClient(inner, Fast).GetStreamingResponseAsync(Hi)));
        Assert.Equal("server-error", error.Kind);
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task Timeout_ends_a_stream_that_stalls_with_a_timeout_error()
    {
        var client = new TimeoutChatClient(new StallingStreamChatClient(), TimeSpan.FromMilliseconds(20));
        // The outer token only keeps a broken decorator from hanging the test; it never fires when the decorator works.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<TimeoutException>(() => Trials.ReadAllAsync(client.GetStreamingResponseAsync(Hi, cancellationToken: guard.Token)));
        Assert.Contains("no reply within", error.Message);
    }

    [Fact]
    public async Task Concurrency_limit_holds_a_slot_until_the_stream_ends()
    {
        var inner = new GatedStreamChatClient();
        using var client = new ConcurrencyLimitingChatClient(inner, 1);
        await using var first = client.GetStreamingResponseAsync(Hi).GetAsyncEnumerator();
        Assert.True(await first.MoveNextAsync());
        await using var second = client.GetStreamingResponseAsync(Hi).GetAsyncEnumerator();
        var secondStarted = second.MoveNextAsync().AsTask();
        Assert.Equal(1, inner.MaxInFlight);
        Assert.False(secondStarted.IsCompleted);

        inner.Open();
        while (await first.MoveNextAsync()) { }
        Assert.True(await secondStarted);
        Assert.Equal(1, inner.MaxInFlight);
    }

    [Fact]
    public async Task Cost_meter_prices_a_stream_from_its_final_usage()
    {
        var inner = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("ok", input: 1_000_000, output: 500_000));
        var trial = Trials.Context();
        var client = new TrialBoundChatClient(new CostMeteringChatClient(inner, new Dictionary<string, ModelPrice> { ["gpt-4.1-mini"] = new(0.40m, 1.60m) }), trial);
        await Trials.ReadAllAsync(client.GetStreamingResponseAsync(Hi, new ChatOptions { ModelId = "gpt-4.1-mini" }));
        Assert.Equal(0.40m + 0.80m, trial.Usage.CostUsd);
    }

    [Fact]
    public async Task Recording_records_a_stream_as_the_response_its_updates_assemble()
    {
        var cassette = CassetteFile.Load(CassetteFile.PathFor(_dir, "prod"));
        var inner = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("Your order A-1001 was delivered.", 42, 7));
        var trial = Trials.Context("orders-001", 1);
        var client = new TrialBoundChatClient(new RecordingChatClient(inner, cassette), trial);
        var options = new ChatOptions { ModelId = "gpt-4.1-mini" };
        await Trials.ReadAllAsync(client.GetStreamingResponseAsync(Hi, options));

        Assert.True(cassette.TryGet(CassetteKey.Compute("gpt-4.1-mini", Hi, options, 1), out var entry));
        Assert.Equal(("Your order A-1001 was delivered.", 42L, 7L, "orders-001", 1), (entry.Text, entry.InputTokens, entry.OutputTokens, entry.Case, entry.Trial));
        Assert.Equal(1, trial.Usage.Read().RecordedCalls);
    }

    [Fact]
    public async Task Replay_yields_the_recorded_response_as_updates_without_calling_the_provider()
    {
        var cassette = CassetteFile.Load(CassetteFile.PathFor(_dir, "prod"));
        var options = new ChatOptions { ModelId = "gpt-4.1-mini" };
        cassette.Add(new CassetteEntry
        {
            Key = CassetteKey.Compute("gpt-4.1-mini", Hi, options, 0), Case = "orders-001", Trial = 0, Model = "gpt-4.1-mini",
            Text = "Delivered.", InputTokens = 9, OutputTokens = 2, LatencyMs = 812.5,
        });
        var live = new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("live"));
        var trial = Trials.Context();
        var client = new TrialBoundChatClient(new ReplayingChatClient(live, cassette), trial);

        var response = (await Trials.ReadAllAsync(client.GetStreamingResponseAsync(Hi, options))).ToChatResponse();
        Assert.Equal("Delivered.", response.Text);
        Assert.Equal((9L, 2L), (response.Usage!.InputTokenCount!.Value, response.Usage.OutputTokenCount!.Value));
        Assert.Equal(0, live.Calls);
        Assert.Equal(812.5, trial.Usage.Read().RecordedLatencyMs);
    }

    [Fact]
    public async Task Trial_binding_stamps_a_stream_with_its_trial()
    {
        TrialContext? seen = null;
        var inner = new ScriptedChatClient((_, options, _) => { seen = TrialContext.From(options); return ScriptedChatClient.Text("ok"); });
        var trial = Trials.Context("orders-001", 3);
        await Trials.ReadAllAsync(new TrialBoundChatClient(inner, trial).GetStreamingResponseAsync(Hi));
        Assert.Same(trial, seen);
    }

    /// <summary>Yields one update, then the connection drops.</summary>
    private sealed class BrokenStreamChatClient : DelegatingChatClient
    {
        private int _calls;
        public BrokenStreamChatClient() : base(new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("unused"))) { }
        public int Calls => _calls;

        public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, "Your order");
            throw new HttpRequestException("connection reset", null, System.Net.HttpStatusCode.BadGateway);
        }
    }

    /// <summary>Yields one update, then waits until cancelled.</summary>
    private sealed class StallingStreamChatClient() : DelegatingChatClient(new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("unused")))
    {
        public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, "Your");
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield return new ChatResponseUpdate(ChatRole.Assistant, " order");
        }
    }

    /// <summary>Each stream yields one update at once, the second only when the gate opens; counts streams in flight.</summary>
    private sealed class GatedStreamChatClient() : DelegatingChatClient(new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("unused")))
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight, _max;
        public int MaxInFlight => Volatile.Read(ref _max);
        public void Open() => _gate.TrySetResult();

        public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(now);
            try
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, "a");
                await _gate.Task.WaitAsync(cancellationToken);
                yield return new ChatResponseUpdate(ChatRole.Assistant, "b");
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private void InterlockedMax(int value)
        {
            int seen;
            while (value > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, seen) != seen) { }
        }
    }
}
