using System.Globalization;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Shadowing;

/// <summary>
/// A shadow input on disk is a golden case (status needs-label, no assertions) whose <c>evidence</c> holds the slices and the
/// production answer; this writes and reads that evidence, so the sampler and the workflow agree on one shape.
/// </summary>
public static class ShadowEvidence
{
    /// <summary>The evidence object for a sampled session.</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, string> slices, ProductionAnswer? production, IReadOnlyList<string> unrecordedTools, int earlierUserTurns)
    {
        var evidence = new JsonObject { ["shadow"] = true };
        var slicesJson = new JsonObject();
        foreach (var (name, value) in slices.OrderBy(s => s.Key, StringComparer.Ordinal)) slicesJson[name] = value;
        evidence["slices"] = slicesJson;
        if (earlierUserTurns > 0) evidence["earlier-user-turns"] = earlierUserTurns;
        if (unrecordedTools.Count > 0) evidence["unrecorded-tools"] = new JsonArray(unrecordedTools.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
        if (production is not null)
        {
            var p = new JsonObject { ["answer"] = production.Text };
            if (production.ToolCalls.Count > 0)
                p["tool-calls"] = new JsonArray(production.ToolCalls.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["arguments"] = c.ArgumentsJson }).ToArray());
            if (production.FinishReason is { } reason) p["finish-reason"] = reason;
            if (production.Model is { } model) p["model"] = model;
            p["input-tokens"] = production.InputTokens;
            p["output-tokens"] = production.OutputTokens;
            p["latency-ms"] = Math.Round(production.LatencyMs, 1);
            p["cost-usd"] = Math.Round(production.CostUsd, 8);
            evidence["production"] = p;
        }
        return evidence;
    }

    /// <summary>The shadow input a loaded case holds; a case without shadow evidence is an input with no slices and no production answer.</summary>
    public static ShadowInput Read(GoldenCase goldenCase)
    {
        var evidence = goldenCase.Evidence ?? [];
        var slices = new Dictionary<string, string>(StringComparer.Ordinal);
        if (evidence["slices"] is JsonObject s)
            foreach (var (name, value) in s) if (value is JsonValue v) slices[name] = v.ToString();
        var unrecorded = evidence["unrecorded-tools"] is JsonArray u ? u.Select(n => n?.ToString() ?? "").Where(n => n.Length > 0).ToList() : [];
        var earlier = evidence["earlier-user-turns"] is JsonValue e && e.TryGetValue<int>(out var turns) ? turns : 0;
        ProductionAnswer? production = null;
        if (evidence["production"] is JsonObject p)
        {
            var calls = p["tool-calls"] is JsonArray a
                ? a.OfType<JsonObject>().Select(c => new ToolCallRecord(0, c["name"]?.ToString() ?? "", c["arguments"]?.ToString() ?? "{}", null)).ToList()
                : [];
            production = new ProductionAnswer(p["answer"]?.ToString() ?? "", calls, p["finish-reason"]?.ToString(), p["model"]?.ToString(),
                Long(p["input-tokens"]), Long(p["output-tokens"]), Double(p["latency-ms"]), (decimal)Double(p["cost-usd"]));
        }
        return new ShadowInput(goldenCase, slices, production, unrecorded, earlier);
    }

    private static long Long(JsonNode? node) => node is JsonValue v && long.TryParse(v.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static double Double(JsonNode? node) => node is JsonValue v && double.TryParse(v.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
