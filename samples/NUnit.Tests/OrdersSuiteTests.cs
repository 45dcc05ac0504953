using AgentOps.Evals.NUnit;
using AgentOps.Evals.Testing;
using NUnit.Framework;

namespace Samples.NUnit.Tests;

/// <summary>The orders suite of the repository's golden set as NUnit test cases, for prod on its cassettes.</summary>
[Parallelizable(ParallelScope.Children)]
public sealed class OrdersSuiteTests
{
    [TestCaseSource(typeof(GoldenCases), nameof(GoldenCases.InSuite), ["orders"])]
    public async Task Case_passes_for_prod_on_cassettes(string caseId) =>
        EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync(caseId, "prod", provider: "replay"));

    [Test]
    public async Task A_live_run_is_ignored_with_its_reason_when_no_endpoint_is_set()
    {
        LiveEndpoint.RequireOrSkip("OPENAI_API_KEY");
        EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync("orders-status-shipped-001", "prod", provider: "live"));
    }
}
