using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// The GenAI semantic-convention events, whether on a span (older convention) or as OTLP log records (the official
/// instrumentation): <c>gen_ai.{system,user,assistant,tool}.message</c>, <c>gen_ai.choice</c>, <c>gen_ai.evaluation.result</c>.
/// </summary>
internal static class GenAiEvents
{
    public static bool IsGenAi(string eventName) => eventName.StartsWith("gen_ai.", StringComparison.Ordinal);

    /// <summary>Adds one event to the facts of the span it belongs to.</summary>
    public static void Apply(string eventName, JsonElement body, OtlpAttributes attributes, ulong time, SpanFacts facts, bool withContent)
    {
        switch (eventName)
        {
            case "gen_ai.choice":
            {
                var payload = Payload(body, attributes);
                var finish = MessageJson.Text(payload?["finish_reason"]) ?? attributes.String("gen_ai.response.finish_reason") ?? attributes.String("finish_reason");
                if (finish is not null) facts.FinishReasons.Add(finish);
                if (facts.Kind == SpanKind.Other) facts.Kind = SpanKind.ModelCall;
                if (withContent && payload is JsonObject obj && MessageJson.One(obj, "assistant") is { } message) facts.Output.Add(message);
                break;
            }
            case "gen_ai.system.message":
            case "gen_ai.user.message":
            case "gen_ai.assistant.message":
            case "gen_ai.tool.message":
            {
                if (facts.Kind == SpanKind.Other) facts.Kind = SpanKind.ModelCall;
                if (!withContent) break;
                var role = eventName["gen_ai.".Length..^".message".Length];
                var payload = Payload(body, attributes);
                var message = payload is JsonObject obj ? MessageJson.One(obj, role)
                    : payload is JsonValue v && v.GetValueKind() == JsonValueKind.String ? new TraceMessage(role, v.GetValue<string>(), []) : null;
                if (message is not null) facts.Input.Add(message);
                break;
            }
            case "gen_ai.evaluation.result":
            {
                var label = attributes.String("gen_ai.evaluation.score.label");
                var score = attributes.String("gen_ai.evaluation.score.value");
                var negative = IsNegativeLabel(label)
                    || (double.TryParse(score, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s < 0.5);
                facts.Feedback.Add(new FeedbackEvent(null, null, negative, attributes.String("gen_ai.evaluation.name"),
                    withContent ? attributes.String("gen_ai.evaluation.explanation") : null,
                    time > 0 ? OtlpValue.FromUnixNano(time) : null, null, null, "gen_ai.evaluation.result"));
                break;
            }
        }
    }

    public static bool IsNegativeLabel(string? label) =>
        label?.ToLowerInvariant() is "fail" or "failed" or "bad" or "incorrect" or "negative" or "thumbs_down" or "thumbs-down" or "down" or "unsafe" or "wrong" or "unhelpful" or "no";

    /// <summary>The event's content: the log body, else a content attribute holding JSON or text.</summary>
    private static JsonNode? Payload(JsonElement body, OtlpAttributes attributes)
    {
        if (body.ValueKind == JsonValueKind.Object) return OtlpValue.ToJson(body);
        foreach (var key in (string[])["gen_ai.event.content", "content", "gen_ai.prompt", "gen_ai.completion"])
        {
            if (attributes.String(key) is not { } text) continue;
            try { return JsonNode.Parse(text) is JsonObject obj ? obj : JsonValue.Create(text); }
            catch (JsonException) { return JsonValue.Create(text); }
        }
        var message = new JsonObject();
        foreach (var (key, value) in attributes.All()) message[key] = OtlpValue.ToJson(value);
        return message.Count > 0 ? message : null;
    }
}
