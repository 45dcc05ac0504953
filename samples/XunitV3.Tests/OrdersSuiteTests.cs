using AgentOps.Evals.Testing;
using AgentOps.Evals.XunitV3;
using Xunit;

namespace Samples.XunitV3.Tests;

/// <summary>The orders suite of the repository's golden set as xunit v3 theories, for prod on its cassettes.</summary>
public sealed class OrdersSuiteTests
{
    [Theory, GoldenCases(Suite = "orders")]
    public async Task Case_passes_for_prod_on_cassettes(string caseId) =>
        EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync(caseId, "prod", provider: "replay", TestContext.Current.CancellationToken));

    [Fact]
    public async Task A_live_run_skips_with_its_reason_when_no_endpoint_is_set()
    {
        LiveEndpoint.RequireOrSkip("OPENAI_API_KEY");
        EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync("orders-status-shipped-001", "prod", provider: "live", TestContext.Current.CancellationToken));
    }
}
