using AgentOps.Evals.Config;

namespace AgentOps.Evals.Harvesting.Shadowing;

/// <summary>What to sample: which trace files, from when, how many sessions, stratified by which attributes, anonymized with which key, written where.</summary>
public sealed record ShadowSampleRequest
{
    public required IReadOnlyList<string> Traces { get; init; }
    public required string Out { get; init; }
    public int Sample { get; init; } = 20;
    public DateTimeOffset? Since { get; init; }
    public IReadOnlyList<string> Slices { get; init; } = ["tier"];
    /// <summary>The anonymizer's key (harvest.key-env); null with <see cref="EphemeralKey"/> (random: fakes change every sample).</summary>
    public byte[]? Key { get; init; }
    public bool EphemeralKey { get; init; }
    public int Seed { get; init; } = 17;
    public IReadOnlyDictionary<string, ModelPrice> Pricing { get; init; } = new Dictionary<string, ModelPrice>();
    public string? SchemaPath { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
