using AgentOps.Evals.Testing;
using AgentOps.Evals.Xunit;

namespace AgentOps.Evals.GoldenSet.Tests;

/// <summary>The pull-request check: every active golden case passes for the production candidate on its recordings.</summary>
public sealed class ProdCandidateTests
{
    [Theory]
    [GoldenCases]
    public async Task Case_passes_for_prod_on_cassettes(string caseId)
    {
        var result = await GoldenSuite.Load().RunCaseAsync(caseId, "prod", provider: "replay");
        EvalAssert.AllTrialsPassed(result);
    }
}
