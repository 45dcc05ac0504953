namespace AgentOps.Evals.Harvesting.Application;

/// <summary>What the command line may override when sampling a shadow set; null means "from the config" (shadow.*).</summary>
public sealed record ShadowSampleArguments
{
    /// <summary>OTLP JSON trace files or globs to sample sessions from.</summary>
    public required IReadOnlyList<string> Traces { get; init; }

    /// <summary>Only sessions from this time on.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Sessions to sample (default: shadow.sample).</summary>
    public int? Sample { get; init; }

    /// <summary>The sampling seed: same traces, same seed, same sample.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>Anonymize with a random key (fakes change every sample, so recorded responses will not replay).</summary>
    public bool EphemeralKey { get; init; }
}
