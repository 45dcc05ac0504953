namespace AgentOps.Evals.Config;

/// <summary>The <c>health:</c> section: incident ids to match against case sources, targets and the flaky window.</summary>
public sealed record HealthOptions
{
    /// <summary>Incident ids (e.g. <c>INC-2291</c>) that should each have a case.</summary>
    public IReadOnlyList<string> Incidents { get; init; } = [];

    /// <summary>A file with one incident id per line (# comments allowed), added to <see cref="Incidents"/>.</summary>
    public string? IncidentsFile { get; init; }

    /// <summary>Hours from feedback to an active case that P0 categories should stay under.</summary>
    public double P0TargetHours { get; init; } = 72;

    /// <summary>How many of the newest runs per candidate the flaky-case figures read.</summary>
    public int FlakyRuns { get; init; } = 20;
}
