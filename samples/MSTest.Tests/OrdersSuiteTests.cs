using AgentOps.Evals.MSTest;
using AgentOps.Evals.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]

namespace Samples.MSTest.Tests;

/// <summary>The orders suite of the repository's golden set as MSTest data rows, for prod on its cassettes.</summary>
[TestClass]
public sealed class OrdersSuiteTests
{
    [TestMethod, GoldenCases(Suite = "orders")]
    public async Task Case_passes_for_prod_on_cassettes(string caseId) =>
        EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync(caseId, "prod", provider: "replay"));

    [TestMethod]
    public async Task A_live_run_is_inconclusive_with_its_reason_when_no_endpoint_is_set()
    {
        LiveEndpoint.RequireOrSkip("OPENAI_API_KEY");
        EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync("orders-status-shipped-001", "prod", provider: "live"));
    }
}
