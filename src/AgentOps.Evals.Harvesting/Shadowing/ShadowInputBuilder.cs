using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Harvesting.Anonymization;
using AgentOps.Evals.Running;
using AgentOps.Evals.Shadowing;

namespace AgentOps.Evals.Harvesting.Shadowing;

/// <summary>One sampled session as an anonymized shadow input: the case both sides answer plus production's answer to it. Pure given the key.</summary>
internal static class ShadowInputBuilder
{
    public const string Unrecorded = "no recorded production result for this tool (shadow input); the trace did not hold one";

    public static ShadowInput Build(HarvestCandidate candidate, IReadOnlyList<SpanFacts> spans, IReadOnlyDictionary<string, string> slices,
        Pseudonymizer pseudonymizer, IReadOnlyDictionary<string, ModelPrice> pricing, byte[] key, DateTimeOffset now)
    {
        // One anonymizer per input (as harvest has one per case); the same key gives the same fakes across inputs.
        var anonymizer = new CaseAnonymizer(key, pseudonymizer);
        var session = candidate.Session;
        if (session.SessionId is { } sid) anonymizer.AddIdentifier("session-id", sid);
        if (session.UserId is { } uid) anonymizer.AddIdentifier("user-id", uid);

        var messages = candidate.Messages.Select(m => new CaseMessage(m.Role, anonymizer.Anonymize(m.Content))).ToList();
        var tools = candidate.Tools.Select(t => t with
        {
            Parameters = t.Parameters?.DeepClone().AsObject(),
            Returns = anonymizer.Anonymize(t.Returns),
            Error = t.Error is null ? null : anonymizer.Anonymize(t.Error),
        }).ToList();
        var production = Production(spans, anonymizer, pricing);
        // Tools production called with no result in the trace: mocked with a marked error so a candidate calling them is told, not fed a guess.
        var unrecorded = (production?.ToolCalls.Select(c => c.Name) ?? []).Distinct(StringComparer.Ordinal)
            .Where(n => !tools.Any(t => t.Name == n)).Order(StringComparer.Ordinal).ToList();
        tools.AddRange(unrecorded.Select(n => new MockTool(n, "Called in production; result not recorded", null, null, Unrecorded)));

        var id = "shadow-" + Hash(messages);
        var lastUser = messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
        var evidence = ShadowEvidence.ToJson(slices, production, unrecorded, Math.Max(0, messages.Count(m => m.Role == "user") - 1));
        evidence["key"] = Pseudonymizer.Fingerprint(key);
        // Fakes look like real PII by design; listing them lets `scan` tell them from a leak (as harvest does).
        var synthetic = anonymizer.Replacements.Where(r => !r.Replacement.StartsWith('<') && !r.Replacement.StartsWith("anon-", StringComparison.Ordinal))
            .Select(r => r.Replacement).Distinct().Order(StringComparer.Ordinal).ToList();
        if (synthetic.Count > 0) evidence["synthetic"] = new JsonArray(synthetic.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
        var goldenCase = new GoldenCase
        {
            Id = id,
            Title = "shadow: " + Shorten(lastUser, 70),
            Tags = ["shadow", .. slices.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}:{s.Value}")],
            Status = CaseStatus.NeedsLabel,   // unlabelled by nature: production inputs with no expectations
            Source = $"shadow-{now.UtcDateTime:yyyy-MM-dd}",
            Created = DateOnly.FromDateTime(now.UtcDateTime),
            Input = new CaseInput(messages, session.Tier is { } tier ? new Dictionary<string, string> { ["customer_tier"] = tier } : new Dictionary<string, string>(), [], tools),
            Expect = [],
            Evidence = evidence,
        };
        return new ShadowInput(goldenCase, slices, production, unrecorded, Math.Max(0, messages.Count(m => m.Role == "user") - 1));
    }

    /// <summary>Production's answer to the replayed turn: from its last model call with input to the end of the session's calls.</summary>
    internal static ProductionAnswer? Production(IReadOnlyList<SpanFacts> spans, CaseAnonymizer anonymizer, IReadOnlyDictionary<string, ModelPrice> pricing)
    {
        var calls = spans.Where(s => s.Kind == SpanKind.ModelCall).OrderBy(s => s.Start).ToList();
        if (calls.Count == 0) return null;
        // The replayed turn: from the first call that saw the last user message; the calls after it carry tool results.
        var last = calls.FindLastIndex(c => c.Input.Any(m => m.Role == "user"));
        var turn = calls.Skip(LastUserStart(calls, last)).ToList();
        var text = turn.SelectMany(c => c.Output).LastOrDefault(m => m.Role == "assistant" && m.Content.Length > 0)?.Content ?? "";
        var start = turn[0].Start;
        var toolCalls = spans.Where(s => s.Kind == SpanKind.ToolCall && s.Start >= start && !string.IsNullOrEmpty(s.ToolName)).OrderBy(s => s.Start)
            .Select(s => new ToolCallRecord(0, s.ToolName!, anonymizer.Anonymize(Parse(s.ToolArguments))?.ToJsonString() ?? "{}", null)).ToList();
        if (toolCalls.Count == 0)
            toolCalls = turn.SelectMany(c => c.Output).SelectMany(m => m.ToolCalls)
                .Select(c => new ToolCallRecord(0, c.Name, anonymizer.Anonymize(Parse(c.Arguments))?.ToJsonString() ?? "{}", null)).ToList();
        long input = turn.Sum(c => c.InputTokens ?? 0), output = turn.Sum(c => c.OutputTokens ?? 0);
        var cost = turn.Sum(c => c.Model is { } m && pricing.TryGetValue(m, out var price) ? price.Cost(c.InputTokens ?? 0, c.OutputTokens ?? 0) : 0m);
        var end = turn.Max(c => Math.Max(c.End, c.Start));
        return new ProductionAnswer(anonymizer.Anonymize(text), toolCalls, turn[^1].FinishReasons.LastOrDefault(), turn[0].Model, input, output,
            end > start ? (end - start) / 1e6 : 0, cost);
    }

    /// <summary>The first call of the last turn: walking back from the last call that saw a user message, the earliest call with the same user text.</summary>
    private static int LastUserStart(List<SpanFacts> calls, int last)
    {
        if (last < 0) return calls.Count - 1;
        var user = calls[last].Input.Last(m => m.Role == "user").Content;
        var first = last;
        while (first > 0 && calls[first - 1].Input.LastOrDefault(m => m.Role == "user")?.Content == user) first--;
        return first;
    }

    private static JsonNode? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return new JsonObject();
        try { return JsonNode.Parse(json); }
        catch (System.Text.Json.JsonException) { return JsonValue.Create(json); }
    }

    private static string Hash(IReadOnlyList<CaseMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var m in messages) text.Append(m.Role).Append('\u001f').Append(HarvestCandidate.Normalize(m.Content)).Append('\u001e');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    private static string Shorten(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        if (line.Length <= max) return line;
        var cut = line.LastIndexOf(' ', max);
        return (cut > max / 2 ? line[..cut] : line[..max]).TrimEnd() + "…";
    }
}
