using AgentOps.Evals.Testing;
using NUnit.Framework;

namespace AgentOps.Evals.NUnit;

/// <summary>Live tests in NUnit: ignored (<c>Assert.Ignore</c>) with the reason when the endpoint variables are unset.</summary>
public static class LiveEndpoint
{
    /// <summary>Ignores the calling test unless <c>AGENTOPS_LIVE_ENDPOINT</c> and every named variable are set.</summary>
    public static void RequireOrSkip(params string[] variables)
    {
        if (LiveEndpointRequirement.SkipReason(variables) is { } reason) Assert.Ignore(reason);
    }
}
