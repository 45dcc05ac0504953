using AgentOps.Evals.Cases;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Config;

/// <summary>Reads a provider's <c>rpm</c>, <c>tpm</c>, <c>max-concurrency</c> and <c>headers</c> fields, reporting file:line problems.</summary>
internal static class ProviderLimitsReader
{
    // Header names whose values are credentials: they must come from the environment, never sit in the config.
    private static readonly string[] SecretHeaderWords = ["authorization", "key", "token", "secret", "cookie", "password"];

    public static ProviderLimits Read(Dictionary<string, YamlNode> fields, string path, YamlFieldReader reader) => new(
        reader.Number(fields.GetValueOrDefault("rpm"), path + ".rpm", 0, 1e9, minExclusive: true),
        reader.Number(fields.GetValueOrDefault("tpm"), path + ".tpm", 0, 1e12, minExclusive: true),
        (int?)reader.Integer(fields.GetValueOrDefault("max-concurrency"), path + ".max-concurrency", 1, 4096));

    public static Dictionary<string, string> Headers(YamlNode? node, string path, YamlFieldReader reader)
    {
        var headers = reader.TextMap(node, path, "header values (use ${VAR} for secrets)");
        if (node is not YamlMappingNode map) return headers;
        foreach (var (key, value) in map.Children)
        {
            var name = YamlJsonConverter.KeyText(key);
            if (!headers.TryGetValue(name, out var text)) continue;
            if (name.Length == 0 || name.Any(c => c <= ' ' || c >= 127 || c == ':'))
                reader.Report(key, $"{path}.{name}", "found an invalid header name, expected letters, digits and '-'");
            else if (SecretHeaderWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)) && !text.Contains("${", StringComparison.Ordinal))
                // The value is the secret itself, so it is not echoed.
                reader.Report(value, $"{path}.{name}", "found a credential written into the config, expected it from the environment: e.g. `Authorization: Bearer ${AGENT_TOKEN}`");
        }
        return headers;
    }
}
