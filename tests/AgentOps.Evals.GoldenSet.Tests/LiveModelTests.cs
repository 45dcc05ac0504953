using AgentOps.Evals.Testing;
using AgentOps.Evals.Xunit;

namespace AgentOps.Evals.GoldenSet.Tests;

/// <summary>The same P0 cases against a live endpoint; skipped unless AGENTOPS_LIVE_ENDPOINT and the candidate's key are set.</summary>
public sealed class LiveModelTests
{
    [SkippableTheory]
    [GoldenCases(Tag = "refunds")]
    public async Task Refund_cases_pass_for_prod_live(string caseId)
    {
        LiveEndpoint.RequireOrSkip("OPENAI_API_KEY");
        var result = await GoldenSuite.Load().RunCaseAsync(caseId, "prod", provider: "live");
        EvalAssert.PassRateAtLeast(result, 0.66);
    }
}
