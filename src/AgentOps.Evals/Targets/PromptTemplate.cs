using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.Targets;

/// <summary>A candidate's system prompt: <c>{{name}}</c> placeholders filled from the case's vars.</summary>
public sealed partial record PromptTemplate(string Path, string Text)
{
    /// <summary>First 8 hex of the SHA-256 of the template text: the prompt's identity in every result.</summary>
    public string Hash { get; } = HashOf(Text);

    /// <summary>Reads the template at <paramref name="path"/> (UTF-8).</summary>
    public static PromptTemplate Load(string path) => new(path, File.ReadAllText(path));

    /// <summary>Fills placeholders; an unknown name stays as written so the gap is visible in the output.</summary>
    public string Render(IReadOnlyDictionary<string, string> vars) =>
        Placeholder().Replace(Text, m => vars.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Value);

    /// <summary>First 8 hex of the SHA-256 of <paramref name="text"/>'s UTF-8 bytes (see <see cref="Hash"/>).</summary>
    public static string HashOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 4));

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.\-]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
