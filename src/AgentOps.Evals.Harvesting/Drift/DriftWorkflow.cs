using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// <c>drift</c> as one library call: fills the request from the config (harvest's traces, feedback, out folder, key and
/// mapping store; the drift thresholds), runs the job, and records the run in the results store for <c>health</c>.
/// </summary>
public static class DriftWorkflow
{
    public static async Task<DriftReport> RunAsync(EvalConfig config, IReadOnlyList<GoldenCase> cases, string goldenSetRoot, string storePath,
        DriftArguments arguments, CancellationToken ct)
    {
        var harvest = config.Harvest;
        var outFolder = arguments.Out ?? config.Resolve(harvest.Out);
        var request = new DriftRequest
        {
            Traces = arguments.Traces is { Count: > 0 } t ? t : harvest.Traces.Select(config.Resolve).ToList(),
            Feedback = arguments.Feedback is { Count: > 0 } f ? f : harvest.Feedback.Select(config.Resolve).ToList(),
            Cases = cases,
            Since = arguments.Since,
            Until = arguments.Until,
            PreviousSince = arguments.PreviousSince,
            Options = config.Drift,
            Out = arguments.NoSample ? null : outFolder,
            Key = arguments.Key,
            EphemeralKey = arguments.Key is null,
            MappingStore = config.Resolve(harvest.MappingStore),
            SchemaPath = Path.GetRelativePath(outFolder, Path.Combine(goldenSetRoot, "case.schema.json")).Replace('\\', '/'),
            Time = arguments.Time ?? TimeProvider.System,
        };
        var job = EmbeddingVectorizer.From(config, arguments.RecordEmbeddings) is { } embeddings ? new DriftJob(embeddings) : new DriftJob();
        var report = await job.RunAsync(request, ct).ConfigureAwait(false);
        DriftHistory.Record(storePath, report);
        return report;
    }
}

/// <summary>What the command line may override for one drift run; null means "from the config".</summary>
public sealed record DriftArguments
{
    public IReadOnlyList<string>? Traces { get; init; }
    public IReadOnlyList<string>? Feedback { get; init; }
    public DateTimeOffset? Since { get; init; }
    public DateTimeOffset? Until { get; init; }
    public DateTimeOffset? PreviousSince { get; init; }
    public string? Out { get; init; }

    /// <summary>Report only: write no case and no triage entry.</summary>
    public bool NoSample { get; init; }

    /// <summary>The harvest key; null runs with an ephemeral one (fakes change every run, no mapping store).</summary>
    public byte[]? Key { get; init; }

    /// <summary>With embeddings configured: call the provider for texts missing from the cassette and record them.</summary>
    public bool RecordEmbeddings { get; init; }

    public TimeProvider? Time { get; init; }
}
