using System.Text.RegularExpressions;

namespace AgentOps.Evals.Harvesting;

/// <summary>Expands paths with <c>*</c>, <c>?</c> and <c>**</c> (any depth) into existing files, sorted.</summary>
internal static class FileGlob
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> patterns)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            if (pattern.IndexOfAny(['*', '?']) < 0)
            {
                if (File.Exists(pattern)) files.Add(pattern);
                else if (Directory.Exists(pattern)) files.UnionWith(Directory.EnumerateFiles(pattern, "*", SearchOption.AllDirectories));
                continue;
            }
            var normalized = pattern.Replace('\\', '/');
            var firstWild = normalized.IndexOfAny(['*', '?']);
            var rootEnd = normalized.LastIndexOf('/', firstWild);
            var root = rootEnd < 0 ? "." : normalized[..rootEnd];
            if (root.Length == 0) root = "/";
            if (!Directory.Exists(root)) continue;
            var regex = new Regex("^" + ToRegex(rootEnd < 0 ? normalized : normalized[(rootEnd + 1)..]) + "$", RegexOptions.CultureInvariant);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (regex.IsMatch(relative)) files.Add(file);
            }
        }
        return [.. files];
    }

    private static string ToRegex(string glob)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var ch = glob[i];
            if (ch == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                builder.Append(i + 2 < glob.Length && glob[i + 2] == '/' ? "(?:.*/)?" : ".*");
                i += i + 2 < glob.Length && glob[i + 2] == '/' ? 2 : 1;
            }
            else if (ch == '*') builder.Append("[^/]*");
            else if (ch == '?') builder.Append("[^/]");
            else builder.Append(Regex.Escape(ch.ToString()));
        }
        return builder.ToString();
    }
}
