namespace AgentOps.Evals.Harvesting.Application;

/// <summary>A harvest run's summary, the folder its cases went to, and whether it ran on a throwaway key (no mapping store).</summary>
public sealed record HarvestResult(HarvestSummary Summary, string Out, bool EphemeralKey);
