using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.SourceControl;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// Refuses a mapping-store path that would put originals where they get committed: inside the golden set, or inside
/// the repository's tracked tree (any path git does not ignore). The store holds every original value, sealed with
/// the key, and belongs beside the repository's ignored state (.agentops/), never in it.
/// </summary>
public static class MappingStoreLocation
{
    /// <summary>Throws an <see cref="InputException"/> (exit 2) naming the path and why, when the store may not live there.</summary>
    public static void EnsureSafe(string mappingStore, string goldenSetRoot)
    {
        var full = Path.GetFullPath(mappingStore);
        if (IsUnder(full, Path.GetFullPath(goldenSetRoot)))
            throw new InputException(mappingStore, "harvest.mapping-store", $"the mapping store holds the originals and may not live inside the golden set ({goldenSetRoot}); use a git-ignored path such as .agentops/mapping.db");
        var folder = ExistingAncestor(Path.GetDirectoryName(full) ?? full);
        var root = Git.Run("rev-parse --show-toplevel", folder)?.Trim();
        if (string.IsNullOrEmpty(root) || !IsUnder(full, Path.GetFullPath(root))) return;
        // git check-ignore exits 0 (output the path) when ignored; anything else means the file would be tracked.
        var ignored = Git.Run($"check-ignore --no-index -q \"{full}\"", root);
        if (ignored is null)
            throw new InputException(mappingStore, "harvest.mapping-store", $"the mapping store holds the originals and may not live in the repository's tracked tree ({root}); use a git-ignored path such as .agentops/mapping.db or one outside the repository");
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static string ExistingAncestor(string folder)
    {
        while (!Directory.Exists(folder) && Path.GetDirectoryName(folder) is { } parent) folder = parent;
        return folder;
    }
}
