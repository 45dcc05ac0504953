using System.Globalization;
using System.Text;
using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>Renders the ranked triage queue as Markdown (for people) and JSON (for tools). Pure: entries in, text out.</summary>
internal static class TriageWriter
{
    // Relaxed escaping keeps text as written (\u002B for "+" would hide fakes from scan and from reviewers).
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToMarkdown(IReadOnlyList<TriageEntry> entries)
    {
        var builder = new StringBuilder();
        builder.AppendLine("# Harvest triage queue");
        builder.AppendLine();
        builder.AppendLine("Ranked by frequency × severity × customer tier. Label each case: write `expect`, set `status: active`.");
        builder.AppendLine();
        builder.AppendLine("| # | case | score | count | flags | category | tier | model | title |");
        builder.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var e in entries)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"| {e.Rank} | [{e.CaseId}]({e.Path}) | {e.Score:0.#} | {e.Count} | {string.Join(", ", e.Flags)} | {e.Category ?? ""} | {e.Tier ?? ""} | {e.Model ?? ""} | {Escape(e.Title)} |");
            builder.AppendLine();
        }
        return builder.ToString();
    }

    public static string ToJson(IReadOnlyList<TriageEntry> entries) => JsonSerializer.Serialize(entries, Json) + "\n";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
