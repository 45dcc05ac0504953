using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// Builds a case's input from a flagged session's spans: the conversation up to the flagged turn (system prompt
/// dropped, it belongs to the candidate) and the tool results the agent saw, as mocked tools. Pure.
/// </summary>
internal static class TranscriptBuilder
{
    public static HarvestCandidate? Build(SessionSummary session, IReadOnlyList<HarvestFlag> flags, IReadOnlyList<SpanFacts> spans)
    {
        var calls = spans.Where(s => s.Kind == SpanKind.ModelCall).OrderBy(s => s.Start).ToList();
        if (calls.Count == 0) return null;
        var flagged = FlaggedCall(session, flags, calls);
        var messages = Conversation(flagged);
        if (messages.Count == 0)
        {
            // No call carried its history: stitch the user turns of every call up to the flagged one.
            messages = calls.TakeWhile(c => c != flagged).Append(flagged)
                .SelectMany(c => c.Input).Where(m => m.Role == "user" && m.Content.Length > 0)
                .Select(m => new CaseMessage("user", m.Content)).Distinct().ToList();
        }
        if (!messages.Any(m => m.Role == "user")) return null;
        var tools = Tools(spans.Where(s => s.Kind == SpanKind.ToolCall && s.Start <= Math.Max(flagged.End, flagged.Start)).OrderBy(s => s.Start), flagged);
        var reasons = calls.SelectMany(c => c.FinishReasons).Distinct().ToList();
        return new HarvestCandidate(session, flags, messages, tools, reasons);
    }

    private static SpanFacts FlaggedCall(SessionSummary session, IReadOnlyList<HarvestFlag> flags, List<SpanFacts> calls)
    {
        if (flags.Contains(HarvestFlag.MaxTokens) && calls.FirstOrDefault(c => c.FinishReasons.Any(TraceSummary.IsLengthStop)) is { } stopped)
            return stopped;
        if (session.NegativeFeedback?.Timestamp is { } at)
        {
            var nanos = (ulong)Math.Max(0, (at - DateTimeOffset.UnixEpoch).Ticks) * 100;
            if (calls.LastOrDefault(c => c.Start <= nanos && c.Input.Count > 0) is { } before) return before;
        }
        return calls.LastOrDefault(c => c.Input.Count > 0) ?? calls[^1];
    }

    /// <summary>The flagged call's history through its last user message; tool traffic in between is replayed by the mocks.</summary>
    private static List<CaseMessage> Conversation(SpanFacts call)
    {
        var turns = call.Input.Where(m => m.Role is "user" || (m.Role == "assistant" && m.Content.Length > 0)).ToList();
        var lastUser = turns.FindLastIndex(m => m.Role == "user");
        return turns.Take(lastUser + 1).Select(m => new CaseMessage(m.Role, m.Content)).ToList();
    }

    private static List<MockTool> Tools(IEnumerable<SpanFacts> toolSpans, SpanFacts flagged)
    {
        var tools = new Dictionary<string, MockTool>(StringComparer.Ordinal);
        foreach (var span in toolSpans)
        {
            if (string.IsNullOrEmpty(span.ToolName) || tools.ContainsKey(span.ToolName)) continue;
            tools[span.ToolName] = new MockTool(span.ToolName, "Recorded from production", Schema(span.ToolArguments), Json(span.ToolResult),
                span.IsError ? span.ErrorMessage ?? span.ToolResult ?? "error" : null);
        }
        // Tool results that only appear as tool messages in the model's input (no tool span was exported).
        var callNames = flagged.Input.SelectMany(m => m.ToolCalls).Where(c => c.Id is not null).GroupBy(c => c.Id!).ToDictionary(g => g.Key, g => g.First());
        foreach (var message in flagged.Input.Where(m => m.Role == "tool" && m.ToolCallId is not null))
        {
            if (!callNames.TryGetValue(message.ToolCallId!, out var call) || call.Name.Length == 0 || tools.ContainsKey(call.Name)) continue;
            tools[call.Name] = new MockTool(call.Name, "Recorded from production", Schema(call.Arguments), Json(message.Content));
        }
        return [.. tools.Values];
    }

    /// <summary>A JSON Schema naming the argument fields the agent sent, typed by their recorded values.</summary>
    private static JsonObject? Schema(string? arguments)
    {
        if (Json(arguments) is not JsonObject args) return null;
        var properties = new JsonObject();
        foreach (var (name, value) in args)
        {
            var type = value?.GetValueKind() switch
            {
                JsonValueKind.Number => "number",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                JsonValueKind.Object => "object",
                JsonValueKind.Array => "array",
                _ => "string",
            };
            properties[name] = new JsonObject { ["type"] = type };
        }
        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }

    private static JsonNode? Json(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }
}
