using AgentOps.Evals.Config;

namespace AgentOps.Evals.Harvesting.Shadowing;

/// <summary>What to sample: which trace files, from when, how many sessions, stratified by which attributes, anonymized with which key, written where.</summary>
internal sealed record ShadowSampleRequest
{
    /// <summary>OTLP JSONL trace files or globs to read.</summary>
    public required IReadOnlyList<string> Traces { get; init; }
    /// <summary>Folder the shadow-*.yaml inputs are written to; an older sample's inputs there are deleted first.</summary>
    public required string Out { get; init; }
    /// <summary>How many sessions to sample across all strata.</summary>
    public int Sample { get; init; } = 20;
    /// <summary>Only sessions that started at or after this time; null for all.</summary>
    public DateTimeOffset? Since { get; init; }
    /// <summary>Attributes to stratify and slice by: tier, locale, model, prompt.</summary>
    public IReadOnlyList<string> Slices { get; init; } = ["tier"];
    /// <summary>The anonymizer's key (harvest.key-env); null with <see cref="EphemeralKey"/> (random: fakes change every sample).</summary>
    public byte[]? Key { get; init; }
    /// <summary>Draw a random key when <see cref="Key"/> is null, instead of failing.</summary>
    public bool EphemeralKey { get; init; }
    /// <summary>Seed of the stratified draw: the same traces and seed give the same sample.</summary>
    public int Seed { get; init; } = 17;
    /// <summary>Model prices, to record production's cost per answer.</summary>
    public IReadOnlyDictionary<string, ModelPrice> Pricing { get; init; } = new Dictionary<string, ModelPrice>();
    /// <summary>Case schema path handed to the YAML writer for each file's schema header; null for none.</summary>
    public string? SchemaPath { get; init; }
    /// <summary>Clock stamped into each written input (fixed in tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
