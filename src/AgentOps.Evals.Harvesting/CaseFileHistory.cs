using System.Globalization;
using AgentOps.Evals.SourceControl;

namespace AgentOps.Evals.Harvesting;

/// <summary>When case files last changed: the time of the last commit that touched each (a reviewer's promotion lands
/// as a commit, and a CI checkout stamps every file with the checkout time), or the file's last-write time when it
/// has uncommitted edits or git has no history for it.</summary>
internal static class CaseFileHistory
{
    /// <summary>Last change of each file, by full path; <paramref name="files"/> all lie in <paramref name="folder"/>.</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset> LastChanged(string folder, IReadOnlyCollection<string> files)
    {
        var changed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (files.Count == 0) return changed;
        var committed = CommitTimes(folder);
        var dirty = Git.Run("ls-files --modified --others --exclude-standard", folder) is { } list
            ? new HashSet<string>(Lines(list).Select(f => Path.GetFullPath(Path.Combine(folder, f))), StringComparer.Ordinal)
            : null;
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file);
            changed[file] = dirty is not null && !dirty.Contains(full) && committed.TryGetValue(full, out var at)
                ? at
                : new DateTimeOffset(File.GetLastWriteTimeUtc(full), TimeSpan.Zero);
        }
        return changed;
    }

    /// <summary>Newest commit time per file under the folder, from one <c>git log</c> (newest first, so a file's first sighting wins).</summary>
    private static Dictionary<string, DateTimeOffset> CommitTimes(string folder)
    {
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (Git.Run("log --format=%x1e%cI --name-only --relative -- .", folder) is not { } log) return times;
        foreach (var commit in log.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = Lines(commit).ToList();
            if (lines.Count == 0 || !DateTimeOffset.TryParse(lines[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) continue;
            foreach (var file in lines.Skip(1))
                times.TryAdd(Path.GetFullPath(Path.Combine(folder, file)), at);
        }
        return times;
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
