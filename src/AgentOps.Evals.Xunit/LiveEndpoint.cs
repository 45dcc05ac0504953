namespace AgentOps.Evals.Xunit;

/// <summary>Gate for tests that need a real model endpoint: they skip, with the reason, when its variables are unset.</summary>
public static class LiveEndpoint
{
    /// <summary>The variable naming a live OpenAI-compatible endpoint for live tests.</summary>
    public const string EndpointVariable = "AGENTOPS_LIVE_ENDPOINT";

    /// <summary>Skips the calling [SkippableFact]/[SkippableTheory] unless every named variable is set.</summary>
    public static void RequireOrSkip(params string[] variables)
    {
        foreach (var variable in variables.Prepend(EndpointVariable).Distinct())
            global::Xunit.Skip.If(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)),
                $"live test skipped: environment variable {variable} is not set (set it to run against a real model endpoint)");
    }
}
