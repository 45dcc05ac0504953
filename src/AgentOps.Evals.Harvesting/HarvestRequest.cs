using AgentOps.Evals.Config;

namespace AgentOps.Evals.Harvesting;

/// <summary>What one harvest run reads, where it writes, and with which key.</summary>
public sealed record HarvestRequest
{
    /// <summary>OTLP JSON trace and log files: paths or globs (<c>*</c>, <c>?</c>, <c>**</c>).</summary>
    public IReadOnlyList<string> Traces { get; init; } = [];

    /// <summary>Feedback JSON-lines files: paths or globs.</summary>
    public IReadOnlyList<string> Feedback { get; init; } = [];

    /// <summary>The folder new cases go to (e.g. <c>golden-set/harvested</c>); the triage queue is written there too.</summary>
    public required string Out { get; init; }

    /// <summary>Only sessions that started (or got their feedback) at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>At most this many cases, the highest ranked.</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The harvest key (HMAC): seeds fakes and pseudonyms. Null only with <see cref="EphemeralKey"/>.</summary>
    public byte[]? Key { get; init; }

    /// <summary>Run with a random key: fakes change every run and no mapping store is written.</summary>
    public bool EphemeralKey { get; init; }

    /// <summary>The SQLite pseudonym → original store; written only with a real key.</summary>
    public string MappingStore { get; init; } = ".agentops/mapping.db";

    /// <summary>When a session is flagged (tool-error streak length, cost and iteration percentiles).</summary>
    public FlagThresholds Thresholds { get; init; } = new();

    /// <summary>Model prices, for the cost-outlier flag.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Pricing { get; init; } = new Dictionary<string, ModelPrice>();

    /// <summary>The case schema path written in each file's editor comment, relative to the case file; none when null.</summary>
    public string? SchemaPath { get; init; }

    /// <summary>The clock (for case dates and time to eval).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
