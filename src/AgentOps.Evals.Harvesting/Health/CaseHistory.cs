using System.Globalization;
using AgentOps.Evals.SourceControl;

namespace AgentOps.Evals.Harvesting.Health;

/// <summary>One case file's life in git: when it appeared, its status changes, its suite, severity and source as last committed.</summary>
internal sealed record CaseTimeline(string Path, string Suite)
{
    public DateTimeOffset? Added { get; set; }
    public DateTimeOffset? Deleted { get; set; }
    public string? Severity { get; set; }
    public string? Source { get; set; }

    /// <summary>Every committed status, in commit order, with the commit time.</summary>
    public List<(DateTimeOffset At, string Status)> Statuses { get; } = [];

    public DateTimeOffset? FirstTime(string status) => Statuses.Where(s => s.Status == status).Select(s => (DateTimeOffset?)s.At).FirstOrDefault();

    /// <summary>Since when it has held its current status (the last change to it).</summary>
    public DateTimeOffset? CurrentSince => Statuses.Count == 0 ? null : Statuses.Last().At;

    public bool ExistsAt(DateTimeOffset at) => Added is { } a && a <= at && (Deleted is not { } d || d > at);
}

/// <summary>
/// Reads the golden set's git history in one <c>git log -p</c> (oldest first, zero context lines): per case file, when it
/// was added and deleted and each commit that set its <c>status:</c>, <c>severity:</c> or <c>source:</c>. Through the
/// project's one git runner (<see cref="Git"/>); no history (not a repository, git missing) gives no timelines.
/// </summary>
internal static class CaseHistory
{
    public static IReadOnlyList<CaseTimeline> Read(string goldenSetRoot)
    {
        var timelines = new Dictionary<string, CaseTimeline>(StringComparer.Ordinal);
        if (Git.Run("log --reverse --no-renames --format=%x1e%cI -p --unified=0 --relative -- .", goldenSetRoot) is not { } log) return [];
        foreach (var commit in log.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = commit.Split('\n');
            if (!DateTimeOffset.TryParse(lines[0].Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) continue;
            CaseTimeline? file = null;
            var fromNothing = false;
            foreach (var line in lines.Skip(1))
            {
                if (line.StartsWith("--- ", StringComparison.Ordinal)) { fromNothing = line == "--- /dev/null"; file = null; continue; }
                if (line.StartsWith("+++ ", StringComparison.Ordinal))
                {
                    file = null;
                    var path = line[4..].Trim();
                    if (path == "/dev/null" || !path.StartsWith("b/", StringComparison.Ordinal) || !path.EndsWith(".yaml", StringComparison.Ordinal)) continue;
                    path = path[2..];
                    if (!timelines.TryGetValue(path, out file)) timelines[path] = file = new CaseTimeline(path, Suite(path));
                    if (fromNothing) { file.Added ??= at; file.Deleted = null; }
                    continue;
                }
                if (line.StartsWith("diff --git ", StringComparison.Ordinal))
                {
                    file = null;
                    continue;
                }
                if (line == "+++ /dev/null") continue;
                if (line.StartsWith("deleted file", StringComparison.Ordinal)) continue;
                if (file is null || !line.StartsWith('+')) continue;
                var text = line[1..].TrimEnd();
                if (text.Length == 0 || char.IsWhiteSpace(text[0])) continue; // nested fields (evidence, expect) are not the case's own
                if (Field(text, "status") is { } status) file.Statuses.Add((at, status));
                else if (Field(text, "severity") is { } severity) file.Severity = severity;
                else if (Field(text, "source") is { } source) file.Source = source;
            }
            // A deletion shows as "--- a/x" then "+++ /dev/null": mark it after the fact from the raw text.
            foreach (var deleted in DeletedFiles(lines))
                if (timelines.TryGetValue(deleted, out var gone)) gone.Deleted = at;
        }
        return [.. timelines.Values.OrderBy(t => t.Path, StringComparer.Ordinal)];
    }

    private static IEnumerable<string> DeletedFiles(string[] lines)
    {
        for (var i = 0; i + 1 < lines.Length; i++)
            if (lines[i].StartsWith("--- a/", StringComparison.Ordinal) && lines[i + 1] == "+++ /dev/null") yield return lines[i][6..].Trim();
    }

    /// <summary>A top-level <c>name: value</c> line (not indented), value unquoted.</summary>
    private static string? Field(string text, string name) =>
        text.StartsWith(name + ":", StringComparison.Ordinal) ? text[(name.Length + 1)..].Trim().Trim('"', '\'') is { Length: > 0 } v ? v : null : null;

    private static string Suite(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
}
