using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>What one drift run reads (traces, feedback, the golden set's cases), which windows it compares, and where samples go.</summary>
public sealed record DriftRequest
{
    public IReadOnlyList<string> Traces { get; init; } = [];
    public IReadOnlyList<string> Feedback { get; init; } = [];
    public IReadOnlyList<GoldenCase> Cases { get; init; } = [];

    /// <summary>This window: [Since, Until). With no Since, every query is in it and there is no previous window.</summary>
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }

    /// <summary>Start of the previous window (it ends at Since); default: as long as this one, just before it.</summary>
    public DateTimeOffset? PreviousSince { get; init; }

    public DriftOptions Options { get; init; } = new();

    /// <summary>Folder for sampled needs-label cases and the triage queue (harvest's <c>out</c>); null: sample nothing.</summary>
    public string? Out { get; init; }

    public byte[]? Key { get; init; }
    public bool EphemeralKey { get; init; }
    public string MappingStore { get; init; } = ".agentops/mapping.db";
    public string? SchemaPath { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
