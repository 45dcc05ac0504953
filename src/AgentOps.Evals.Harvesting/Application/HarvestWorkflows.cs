using AgentOps.Evals.Application;
using AgentOps.Evals.Harvesting.Anonymization;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Harvesting.Health;
using AgentOps.Evals.Harvesting.Shadowing;

namespace AgentOps.Evals.Harvesting.Application;

/// <summary>The production-side workflows (harvest, reidentify, drift, health, shadow sampling) as library calls on a
/// workspace: each fills its request from the config and the environment (the harvest key), so the CLI only parses and prints.</summary>
public static class HarvestWorkflows
{
    /// <summary>Flagged production sessions into anonymized needs-label cases and a triage queue. Needs the key in
    /// harvest.key-env unless <see cref="HarvestArguments.EphemeralKey"/>; a mapping store inside the golden set or the
    /// repository's tracked tree is refused.</summary>
    public static async Task<HarvestResult> HarvestAsync(this EvalWorkspace workspace, HarvestArguments arguments, CancellationToken cancellationToken = default)
    {
        var config = workspace.Config;
        var options = config.Harvest;
        // An ephemeral run never uses the real key, even when it is set: no mapping store is written, so none need be checked.
        var key = arguments.EphemeralKey ? null : HarvestKey.FromEnvironment(options.KeyEnv, required: true);
        var mappingStore = config.Resolve(options.MappingStore);
        if (!arguments.EphemeralKey) MappingStoreLocation.EnsureSafe(mappingStore, workspace.GoldenSetRoot);
        var outFolder = arguments.Out ?? config.Resolve(options.Out);
        var request = new HarvestRequest
        {
            Traces = arguments.Traces is { Count: > 0 } t ? t : [.. options.Traces.Select(config.Resolve)],
            Feedback = arguments.Feedback is { Count: > 0 } f ? f : [.. options.Feedback.Select(config.Resolve)],
            Out = outFolder,
            Since = arguments.Since,
            Limit = arguments.Limit ?? options.Limit,
            Key = key,
            EphemeralKey = key is null,
            MappingStore = mappingStore,
            Thresholds = FlagThresholds.From(options.Thresholds),
            Pricing = config.Pricing,
            SchemaPath = SchemaPathFrom(workspace, outFolder),
        };
        var summary = await new HarvestJob().RunAsync(request, cancellationToken).ConfigureAwait(false);
        // health reads harvest runs from the store (counts and hours only, never content).
        HarvestHistory.Record(workspace.StorePath, summary, request.Time.GetUtcNow());
        return new HarvestResult(summary, outFolder, EphemeralKey: key is null);
    }

    /// <summary>The originals behind one harvested case's pseudonyms and fakes (needs the key and the mapping store).</summary>
    public static IReadOnlyList<AnonymizedValue> Reidentify(this EvalWorkspace workspace, string caseId)
    {
        var options = workspace.Config.Harvest;
        var key = HarvestKey.FromEnvironment(options.KeyEnv, required: true)!;
        var mappingStore = workspace.Config.Resolve(options.MappingStore);
        MappingStoreLocation.EnsureSafe(mappingStore, workspace.GoldenSetRoot);
        return MappingStore.Reidentify(caseId, mappingStore, key);
    }

    /// <summary>Production inputs against golden-set coverage (see <see cref="DriftWorkflow"/>). The harvest key is read
    /// from the environment, required unless <paramref name="ephemeralKey"/> or <see cref="DriftArguments.NoSample"/>.</summary>
    public static Task<DriftReport> DriftAsync(this EvalWorkspace workspace, DriftArguments arguments, bool ephemeralKey = false, CancellationToken cancellationToken = default)
    {
        var key = ephemeralKey ? null : HarvestKey.FromEnvironment(workspace.Config.Harvest.KeyEnv, required: !arguments.NoSample);
        return DriftWorkflow.RunAsync(workspace.Config, workspace.LoadCases(), workspace.GoldenSetRoot, workspace.StorePath, arguments with { Key = key }, cancellationToken);
    }

    /// <summary>The eval program's own figures: the golden set's git history, the results store and the last drift run.</summary>
    public static HealthReport Health(this EvalWorkspace workspace) =>
        HealthJob.Run(workspace.LoadCases(), workspace.GoldenSetRoot, workspace.StorePath, workspace.Config.Health, workspace.Config);

    /// <summary>Samples a new shadow set into <paramref name="folder"/>: sessions from <paramref name="request"/>'s traces,
    /// stratified by shadow.slices, anonymized with the harvest key (required unless the request asks for an ephemeral one).</summary>
    public static ShadowSampleSummary SampleShadowSet(this EvalWorkspace workspace, string folder, ShadowSampleArguments request, CancellationToken cancellationToken = default)
    {
        var config = workspace.Config;
        var key = request.EphemeralKey ? null : HarvestKey.FromEnvironment(config.Harvest.KeyEnv, required: true);
        return ShadowSampler.Sample(new ShadowSampleRequest
        {
            Traces = request.Traces,
            Out = folder,
            Sample = request.Sample ?? config.Shadow.Sample,
            Since = request.Since,
            Slices = config.Shadow.Slices,
            Key = key,
            EphemeralKey = key is null,
            Seed = request.Seed,
            Pricing = config.Pricing,
            SchemaPath = SchemaPathFrom(workspace, folder),
        }, cancellationToken);
    }

    /// <summary>The case schema, relative to a folder cases are written to (for each file's editor comment).</summary>
    private static string SchemaPathFrom(EvalWorkspace workspace, string folder) =>
        Path.GetRelativePath(folder, Path.Combine(workspace.GoldenSetRoot, "case.schema.json")).Replace('\\', '/');
}
