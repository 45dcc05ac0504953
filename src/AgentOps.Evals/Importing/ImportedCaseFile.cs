using System.Security.Cryptography;
using System.Text;

namespace AgentOps.Evals.Importing;

/// <summary>A case file written by an import carries a stamp (a hash of what was written) so a later import can tell a file a
/// reviewer edited (never overwritten without --force) from one nobody touched (safe to refresh).</summary>
public static class ImportedCaseFile
{
    private const string Marker = "# imported-by: agentops-evals import; edit freely, a re-import will then skip this file; sha256:";

    /// <summary>The case YAML with the stamp line added after any leading comment lines.</summary>
    public static string Stamp(string yaml) => Insert(yaml, Marker + Hash(yaml) + "\n");

    /// <summary>True when <paramref name="existing"/> is an import's file unchanged since it was written.</summary>
    public static bool IsUnedited(string existing)
    {
        var lines = existing.Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (index < 0) return false;
        var hash = lines[index][Marker.Length..].Trim();
        lines.RemoveAt(index);
        return string.Equals(hash, Hash(string.Join('\n', lines)), StringComparison.Ordinal);
    }

    private static string Insert(string yaml, string line)
    {
        var at = 0;
        while (at < yaml.Length && yaml[at] == '#')
        {
            var end = yaml.IndexOf('\n', at);
            if (end < 0) break;
            at = end + 1;
        }
        return yaml[..at] + line + yaml[at..];
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))).AsSpan(0, 8));
}
