using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
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

        // The user's turns only: each side replays them in order and answers each itself (production's replies are its own, not history).
        var users = candidate.Messages.Where(m => m.Role == "user").Select(m => anonymizer.Anonymize(m.Content)).ToList();
        var messages = new List<CaseMessage> { new("user", users[0]) };
        var turns = users.Skip(1).Select(u => new CaseTurn(u, [], new SourceLocation(""))).ToList();
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

        var id = "shadow-" + Hash(users);
        var lastUser = users[^1];
        var evidence = ShadowEvidence.ToJson(slices, production, unrecorded, turns.Count);
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
            Input = new CaseInput(messages, session.Tier is { } tier ? new Dictionary<string, string> { ["customer_tier"] = tier } : new Dictionary<string, string>(), [], tools) { Turns = turns },
            Expect = [],
            Evidence = evidence,
        };
        return new ShadowInput(goldenCase, slices, production, unrecorded, turns.Count);
    }

    /// <summary>
    /// Production's answer to the session as the sides replay it: the text of its reply to the last user turn, and the tool
    /// calls, tokens, cost and model-call latency of every model call the trace holds (a replay plays every turn, so a
    /// trial's figures cover every turn too).
    /// </summary>
    internal static ProductionAnswer? Production(IReadOnlyList<SpanFacts> spans, CaseAnonymizer anonymizer, IReadOnlyDictionary<string, ModelPrice> pricing)
    {
        var calls = spans.Where(s => s.Kind == SpanKind.ModelCall).OrderBy(s => s.Start).ToList();
        if (calls.Count == 0) return null;
        // The reply to the last turn: from the first call that saw the last user message; the calls after it carry tool results.
        var last = calls.FindLastIndex(c => c.Input.Any(m => m.Role == "user"));
        var turn = calls.Skip(LastUserStart(calls, last)).ToList();
        var text = turn.SelectMany(c => c.Output).LastOrDefault(m => m.Role == "assistant" && m.Content.Length > 0)?.Content ?? "";
        var toolCalls = spans.Where(s => s.Kind == SpanKind.ToolCall && !string.IsNullOrEmpty(s.ToolName)).OrderBy(s => s.Start)
            .Select(s => new ToolCallRecord(0, s.ToolName!, anonymizer.Anonymize(Parse(s.ToolArguments))?.ToJsonString() ?? "{}", null)).ToList();
        if (toolCalls.Count == 0)
            toolCalls = calls.SelectMany(c => c.Output).SelectMany(m => m.ToolCalls)
                .Select(c => new ToolCallRecord(0, c.Name, anonymizer.Anonymize(Parse(c.Arguments))?.ToJsonString() ?? "{}", null)).ToList();
        long input = calls.Sum(c => c.InputTokens ?? 0), output = calls.Sum(c => c.OutputTokens ?? 0);
        var cost = calls.Sum(c => c.Model is { } m && pricing.TryGetValue(m, out var price) ? price.Cost(c.InputTokens ?? 0, c.OutputTokens ?? 0) : 0m);
        // Summed model-call time, as a trial's latency is: the user's think time between turns is not the model's.
        var latency = calls.Sum(c => c.End > c.Start ? (c.End - c.Start) / 1e6 : 0);
        return new ProductionAnswer(anonymizer.Anonymize(text), toolCalls, calls[^1].FinishReasons.LastOrDefault(), calls[0].Model, input, output, latency, cost);
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

    private static string Hash(IReadOnlyList<string> userTurns)
    {
        var text = new StringBuilder();
        foreach (var m in userTurns) text.Append("user").Append('\u001f').Append(HarvestCandidate.Normalize(m)).Append('\u001e');
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
