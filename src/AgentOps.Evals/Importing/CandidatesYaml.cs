using System.Globalization;
using System.Text;

namespace AgentOps.Evals.Importing;

/// <summary>The config YAML for imported candidates: providers, candidates, run options, and (for a whole config) golden-set and baseline.</summary>
internal static class CandidatesYaml
{
    /// <param name="goldenSet">The golden-set folder relative to the config; null writes only the part to add to an existing config.</param>
    public static string Write(PromptfooImport imported, string? goldenSet)
    {
        var yaml = new StringBuilder();
        if (goldenSet is not null) yaml.Append("golden-set: ").AppendLine(goldenSet);
        yaml.AppendLine("providers:");
        foreach (var c in imported.Candidates.DistinctBy(c => c.ProviderName))
            yaml.Append(CultureInfo.InvariantCulture, $"  {c.ProviderName}: {{type: openai, endpoint: \"{c.Endpoint}\"{(c.ApiKeyEnv is null ? "" : $", api-key-env: {c.ApiKeyEnv}")}}}").AppendLine();
        yaml.AppendLine("candidates:");
        foreach (var c in imported.Candidates)
            yaml.Append(CultureInfo.InvariantCulture, $"  {c.Name}: {{model: \"{c.Model}\", provider: {c.ProviderName}{(c.PromptFile is null ? "" : $", prompt: {c.PromptFile}")}}}").AppendLine();
        if (goldenSet is not null && imported.Candidates.Count > 0) yaml.Append("baseline: ").AppendLine(imported.Candidates[0].Name);
        if (imported.K is not null || imported.Concurrency is not null)
            yaml.Append("run: {").Append(string.Join(", ", new[] { imported.K is { } k ? $"k: {k}" : null, imported.Concurrency is { } n ? $"concurrency: {n}" : null }.OfType<string>())).AppendLine("}");
        return yaml.ToString();
    }
}
