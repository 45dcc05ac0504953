using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// The one writer of an out folder's triage queue (<c>triage.md</c>, <c>triage.json</c>), shared by <c>harvest</c> and
/// <c>drift</c>. Harvest's entries are its ranked selection of this run, so harvest replaces its own entries; drift's
/// samples accumulate, so drift appends. Either way the other command's entries are kept (in their order, after the
/// writer's own for harvest, before drift's new ones), as long as their case file is still in the folder: a case a
/// reviewer deleted leaves the queue. Whose an entry is: drift's carry the <c>drift</c> flag.
/// </summary>
internal static class TriageQueue
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower };

    public static string MarkdownPath(string outFolder) => Path.Combine(outFolder, "triage.md");

    public static string JsonPath(string outFolder) => Path.Combine(outFolder, "triage.json");

    /// <summary>Harvest: this run's entries replace harvest's earlier ones; drift's stay after them.</summary>
    public static IReadOnlyList<TriageEntry> ReplaceHarvest(string outFolder, IReadOnlyList<TriageEntry> harvest)
    {
        var ids = harvest.Select(e => e.CaseId).ToHashSet(StringComparer.Ordinal);
        var kept = Existing(outFolder).Where(e => IsDrift(e) && !ids.Contains(e.CaseId));
        return Write(outFolder, harvest.Concat(kept));
    }

    /// <summary>Drift: every kept entry stays; drift's new ones follow, a case already queued is not queued twice.</summary>
    public static IReadOnlyList<TriageEntry> AppendDrift(string outFolder, IReadOnlyList<TriageEntry> drift)
    {
        var existing = Existing(outFolder);
        var ids = existing.Select(e => e.CaseId).ToHashSet(StringComparer.Ordinal);
        return Write(outFolder, existing.Concat(drift.Where(e => ids.Add(e.CaseId))));
    }

    internal static bool IsDrift(TriageEntry entry) => entry.Flags.Contains(HarvestFlag.Drift.ToName());

    /// <summary>The queue's entries whose case file still exists; none for a missing or hand-damaged file (it is rebuilt).</summary>
    private static List<TriageEntry> Existing(string outFolder)
    {
        var path = JsonPath(outFolder);
        if (!File.Exists(path)) return [];
        try
        {
            return (JsonSerializer.Deserialize<List<TriageEntry>>(File.ReadAllText(path), Json) ?? [])
                .Where(e => e is { CaseId: not null, Path: not null, Flags: not null } && File.Exists(Path.Combine(outFolder, e.Path))).ToList();
        }
        catch (JsonException) { return []; }
    }

    private static IReadOnlyList<TriageEntry> Write(string outFolder, IEnumerable<TriageEntry> entries)
    {
        var ranked = entries.Select((e, i) => e with { Rank = i + 1 }).ToList();
        WriteIfChanged(MarkdownPath(outFolder), TriageWriter.ToMarkdown(ranked));
        WriteIfChanged(JsonPath(outFolder), TriageWriter.ToJson(ranked));
        return ranked;
    }

    // Unchanged files keep their timestamps: a nightly job that found nothing new shows no diff.
    private static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text) return;
        File.WriteAllText(path, text);
    }
}
