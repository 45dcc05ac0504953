namespace AgentOps.Evals.Testing;

/// <summary>When a live test must skip: the variables naming a real model endpoint, and the reason each adapter reports in its
/// framework's own way (xunit v3 Assert.Skip, MSTest Assert.Inconclusive, NUnit Assert.Ignore, xunit v2 Skip.If).</summary>
public static class LiveEndpointRequirement
{
    /// <summary>The variable naming a live OpenAI-compatible endpoint for live tests.</summary>
    public const string EndpointVariable = "AGENTOPS_LIVE_ENDPOINT";

    /// <summary>Null when the endpoint variable and every named variable are set; else the reason to skip, naming the first unset one.</summary>
    public static string? SkipReason(params string[] variables) =>
        variables.Prepend(EndpointVariable).Distinct().FirstOrDefault(v => string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v))) is { } missing
            ? $"live test skipped: environment variable {missing} is not set (set it to run against a real model endpoint)"
            : null;
}
