using AgentOps.Evals.Testing;

namespace AgentOps.Evals.XunitV3;

/// <summary>Live tests in xunit v3: skipped at run time (<c>Assert.Skip</c>) with the reason when the endpoint variables are unset.</summary>
public static class LiveEndpoint
{
    /// <summary>Skips the calling test unless <c>AGENTOPS_LIVE_ENDPOINT</c> and every named variable are set.</summary>
    public static void RequireOrSkip(params string[] variables)
    {
        if (LiveEndpointRequirement.SkipReason(variables) is { } reason) global::Xunit.Assert.Skip(reason);
    }
}
