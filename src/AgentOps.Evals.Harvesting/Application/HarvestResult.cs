using System.Text.Json;
using AgentOps.Evals.Application;

namespace AgentOps.Evals.Harvesting.Application;

/// <summary>A harvest run's summary, the folder its cases went to, and whether it ran on a throwaway key (no mapping store).</summary>
public sealed record HarvestResult(HarvestSummary Summary, string Out, bool EphemeralKey)
{
    /// <summary>The summary as <c>harvest --json</c> prints it, with the same JSON settings as <c>run --json</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(Summary, JsonOutput.Options);
}
