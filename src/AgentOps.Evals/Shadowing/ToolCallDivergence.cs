using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Shadowing;

/// <summary>How often the two sides call different tools or the same tools with different arguments, against each side's own rate.</summary>
/// <param name="CrossRate">Share of (baseline trial, candidate trial) pairs whose tool-call sequences differ.</param>
/// <param name="OwnRate">Share of within-side trial pairs that differ (mean of both sides that have ≥ 2 trials).</param>
/// <param name="NamesDiffer">True when some candidate trial calls a set of tools no baseline trial calls (names only).</param>
public sealed record ToolCallDivergence(double CrossRate, double OwnRate, bool NamesDiffer)
{
    /// <summary>Compares the tool-call sequences (names and arguments) of every cross-side and within-side trial pair.</summary>
    internal static ToolCallDivergence Compute(SideFigures baseline, SideFigures candidate)
    {
        var a = baseline.ToolCalls.Select(Signature).ToArray();
        var b = candidate.ToolCalls.Select(Signature).ToArray();
        if (a.Length == 0 || b.Length == 0) return new ToolCallDivergence(double.NaN, double.NaN, false);
        var cross = a.Sum(x => b.Count(y => x != y)) / (double)(a.Length * b.Length);
        var own = new List<double>();
        if (a.Length > 1) own.Add(WithinRate(a));
        if (b.Length > 1) own.Add(WithinRate(b));
        var namesA = baseline.ToolCalls.Select(Names).ToHashSet(StringComparer.Ordinal);
        var namesDiffer = candidate.ToolCalls.Select(Names).Any(n => !namesA.Contains(n));
        return new ToolCallDivergence(cross, own.Count == 0 ? 0 : own.Average(), namesDiffer);
    }

    /// <summary>The calls in order, arguments canonicalized (keys sorted) so formatting is not a difference.</summary>
    internal static string Signature(IReadOnlyList<ToolCallRecord> calls) =>
        string.Join(" | ", calls.Select(c => c.Name + Canonical(c.ArgumentsJson)));

    private static string Names(IReadOnlyList<ToolCallRecord> calls) => string.Join(",", calls.Select(c => c.Name));

    private static double WithinRate(string[] signatures)
    {
        var pairs = 0;
        var differ = 0;
        for (var i = 0; i < signatures.Length; i++)
            for (var j = i + 1; j < signatures.Length; j++) { pairs++; if (signatures[i] != signatures[j]) differ++; }
        return (double)differ / pairs;
    }

    private static string Canonical(string json)
    {
        try { return Sort(JsonNode.Parse(json))?.ToJsonString() ?? "null"; }
        catch (JsonException) { return json.Trim(); }
    }

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Sort).ToArray()),
        _ => node?.DeepClone(),
    };
}
