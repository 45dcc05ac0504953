using AgentOps.Evals.Testing;

namespace AgentOps.Evals.Xunit;

/// <summary>Live tests in xunit v2: skipped (<c>Skip.If</c>, in a [SkippableFact]/[SkippableTheory]) with the reason when the endpoint variables are unset.</summary>
public static class LiveEndpoint
{
    /// <summary>Skips the calling test unless <c>AGENTOPS_LIVE_ENDPOINT</c> and every named variable are set.</summary>
    public static void RequireOrSkip(params string[] variables)
    {
        var reason = LiveEndpointRequirement.SkipReason(variables);
        global::Xunit.Skip.If(reason is not null, reason);
    }
}
