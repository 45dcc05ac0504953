using AgentOps.Evals.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AgentOps.Evals.MSTest;

/// <summary>Live tests in MSTest: ended inconclusive (<c>Assert.Inconclusive</c>, MSTest's skip) with the reason when the endpoint variables are unset.</summary>
public static class LiveEndpoint
{
    /// <summary>Ends the calling test as inconclusive unless <c>AGENTOPS_LIVE_ENDPOINT</c> and every named variable are set.</summary>
    public static void RequireOrSkip(params string[] variables)
    {
        if (LiveEndpointRequirement.SkipReason(variables) is { } reason) Assert.Inconclusive(reason);
    }
}
