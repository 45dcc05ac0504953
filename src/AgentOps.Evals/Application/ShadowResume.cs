using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Application;

/// <summary>
/// Ties a shadow comparison's stored runs together so a killed one can be finished: both sides' runs carry the filter
/// <c>shadow set SHADOW-ID</c>, and a resume finds them by that id (or by either run's id) and finishes each side's run,
/// so trials already stored make no model call again.
/// </summary>
internal static class ShadowResume
{
    private const string Prefix = "shadow set ";

    /// <summary>A new shadow id: time and a random suffix, like a run id.</summary>
    public static string NewId() =>
        $"shadow-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture)}-{Random.Shared.Next(0x10000):x4}";

    /// <summary>The filter both sides' runs are stored with.</summary>
    public static string Label(string shadowId) => Prefix + shadowId;

    /// <summary>The shadow id a stored run belongs to, or null when it is not a shadow run.</summary>
    public static string? IdOf(RunInfo run) => run.Filter is { } f && f.StartsWith(Prefix, StringComparison.Ordinal) ? f[Prefix.Length..] : null;

    /// <summary>
    /// The stored runs of the shadow <paramref name="given"/> names (a shadow id or either side's run id), by candidate name,
    /// checked against what the resume asks: the same sides and the same shadow set.
    /// </summary>
    public static async Task<(string Id, IReadOnlyDictionary<string, RunInfo> Runs)> FindAsync(IResultStore store, string given, string storePath,
        string baseline, string candidate, IReadOnlyList<GoldenCase> cases, CancellationToken cancellationToken)
    {
        var all = await store.ListRunsAsync(null, cancellationToken).ConfigureAwait(false);
        var id = all.FirstOrDefault(r => r.RunId == given) is { } named
            ? IdOf(named) ?? throw new InputException(storePath, "--resume", $"run '{given}' is not part of a shadow comparison (it was made by run or gate: resume it with agentops-evals run --resume {given})")
            : given;
        var runs = all.Where(r => IdOf(r) == id).ToList();
        if (runs.Count == 0)
            throw new InputException(storePath, "--resume", $"no shadow '{given}' in the store; a shadow id looks like shadow-20260701-120000-1a2b (list stored runs with: agentops-evals report --list)");
        var sides = new[] { baseline, candidate };
        if (runs.FirstOrDefault(r => !sides.Contains(r.Candidate.Name, StringComparer.Ordinal)) is { } other)
            throw new InputException(storePath, "--resume",
                $"shadow {id} ran '{other.Candidate.Name}', not --baseline {baseline} --candidate {candidate}; pass the sides it compared ({string.Join(", ", runs.Select(r => r.Candidate.Name).Distinct())})");
        var revision = GoldenSetRevision.Compute(cases);
        if (runs.FirstOrDefault(r => r.GoldenSetRevision != revision) is { } changed)
            throw new InputException(storePath, "--resume",
                $"the shadow set changed since shadow {id} started (revision {changed.GoldenSetRevision}, now {revision}); restore it to finish that shadow, or start a new one without --resume");
        return (id, runs.GroupBy(r => r.Candidate.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.StartedAt).First(), StringComparer.Ordinal));
    }
}
