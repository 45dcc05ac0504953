using AgentOps.Evals.FakeModelServer;
using Server = AgentOps.Evals.FakeModelServer.FakeModelServer;

namespace AgentOps.Evals.Tests.FakeServer;

/// <summary>One fake server with the sample rules, shared by the golden-set script tests.</summary>
public sealed class SampleAgentFixture : IAsyncLifetime
{
    public Server Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await Server.StartAsync(new FakeServerOptions { RulesFile = RepoPaths.RulesFile });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The scripted agent answers the sample golden set: prod (v3) passes every case, next (v4) regresses one slice.</summary>
public sealed class GoldenSetScriptTests(SampleAgentFixture fixture) : IClassFixture<SampleAgentFixture>
{
    /// <summary>The regression v4 carries: German customers are told the 30-day window instead of the 14-day withdrawal period.</summary>
    private static readonly string[] V4Regressions =
    [
        "refunds-eu-de-late-011",
        "refunds-eu-de-order-009",
        "refunds-eu-de-refund-010",
        "refunds-eu-de-shipping-cost-013",
        "refunds-eu-de-window-008",
    ];

    public static TheoryData<string> CaseIds() => [.. CaseFile.All().Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public async Task Prod_v3_passes_the_case(string id)
    {
        var goldenCase = CaseFile.All().Single(c => c.Id == id);
        var outcome = await ScriptedConversation.PlayAsync(ChatClients.For(fixture.Server, "gpt-4.1-mini"), goldenCase, "v3");

        Assert.Empty(ScriptCheck.Failures(goldenCase, outcome));
    }

    [Fact]
    public async Task Next_v4_fails_exactly_the_german_refund_slice()
    {
        var client = ChatClients.For(fixture.Server, "gpt-5-mini");
        var failed = new List<CaseFile>();
        foreach (var goldenCase in CaseFile.All())
        {
            var outcome = await ScriptedConversation.PlayAsync(client, goldenCase, "v4");
            if (ScriptCheck.Failures(goldenCase, outcome).Count > 0) failed.Add(goldenCase);
        }

        Assert.Equal(V4Regressions, failed.Select(c => c.Id).Order(StringComparer.Ordinal));
        Assert.All(failed, c =>
        {
            Assert.Equal("refunds", c.Suite);
            Assert.Contains("locale:de-DE", c.Tags);
        });
        Assert.Contains(failed, c => c.Severity == "P0");
    }

    [Fact]
    public async Task Replies_repeat_across_trials()
    {
        var goldenCase = CaseFile.All().Single(c => c.Id == "refunds-create-damaged-002");
        var client = ChatClients.For(fixture.Server, "gpt-4.1-mini");

        var first = await ScriptedConversation.PlayAsync(client, goldenCase, "v3");
        var second = await ScriptedConversation.PlayAsync(client, goldenCase, "v3");

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Calls.Select(c => c.Name + c.Args.ToJsonString()), second.Calls.Select(c => c.Name + c.Args.ToJsonString()));
    }
}
