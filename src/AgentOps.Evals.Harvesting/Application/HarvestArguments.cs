namespace AgentOps.Evals.Harvesting.Application;

/// <summary>What the command line may override for one harvest run; null means "from the config" (harvest.*).</summary>
public sealed record HarvestArguments
{
    /// <summary>OTLP JSON trace/log files or globs (default: harvest.traces).</summary>
    public IReadOnlyList<string>? Traces { get; init; }

    /// <summary>Feedback JSON-lines files or globs (default: harvest.feedback).</summary>
    public IReadOnlyList<string>? Feedback { get; init; }

    /// <summary>The folder new cases and the triage queue go to (default: harvest.out).</summary>
    public string? Out { get; init; }

    /// <summary>Only sessions from this time on.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>At most this many cases, highest ranked first (default: harvest.limit).</summary>
    public int? Limit { get; init; }

    /// <summary>Run with a random key: fakes change every run and no mapping store is written.</summary>
    public bool EphemeralKey { get; init; }
}
