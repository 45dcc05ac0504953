using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// The application's own attributes, on any span (often a conversation root span beside the library spans):
/// session and user ids, customer tier, locale, prompt ids, and guardrail or circuit-breaker trips.
/// </summary>
internal sealed class AppAttributesDialect : ITraceDialect
{
    private static readonly string[] SessionKeys = ["gen_ai.conversation.id", "session.id", "app.session.id", "conversation.id", "app.conversation.id", "traceloop.association.properties.session_id"];
    private static readonly string[] UserKeys = ["user.id", "enduser.id", "app.user.id", "traceloop.association.properties.user_id"];
    private static readonly string[] TierKeys = ["customer.tier", "app.customer.tier", "user.tier", "enduser.tier", "traceloop.association.properties.customer_tier"];
    /// <summary>Where a user's locale is found, first match wins (drift reads the same keys).</summary>
    internal static readonly string[] LocaleKeys = ["user.locale", "enduser.locale", "app.locale", "locale", "session.locale", "http.request.header.accept_language", "traceloop.association.properties.locale"];
    private static readonly string[] PromptKeys = ["app.prompt.hash", "prompt.hash", "gen_ai.prompt.id", "llm.prompt_template.version", "gen_ai.agent.version"];

    public void Read(in OtlpSpan span, SpanFacts facts, bool withContent)
    {
        var attributes = span.Attributes;
        facts.SessionId ??= First(attributes, SessionKeys);
        facts.UserId ??= First(attributes, UserKeys);
        facts.Tier ??= First(attributes, TierKeys);
        facts.PromptId ??= First(attributes, PromptKeys);
        facts.Locale ??= First(attributes, LocaleKeys) ?? First(span.Resource, LocaleKeys);
        // Most spans carry neither; checking the raw bytes first keeps the per-attribute scan off the hot path.
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(span.Raw);
        if (raw.IndexOf("guardrail"u8) < 0 && raw.IndexOf("ircuit"u8) < 0) return;
        foreach (var (key, value) in attributes.All())
        {
            if (key.Contains("guardrail", StringComparison.OrdinalIgnoreCase) && Tripped(value)) facts.Guardrail = true;
            else if ((key.Contains("circuit_breaker", StringComparison.OrdinalIgnoreCase) || key.Contains("circuit-breaker", StringComparison.OrdinalIgnoreCase) || key.Contains("circuitbreaker", StringComparison.OrdinalIgnoreCase)) && Tripped(value))
                facts.CircuitBreaker = true;
        }
    }

    private static string? First(OtlpAttributes attributes, string[] keys)
    {
        foreach (var key in keys)
        {
            if (attributes.String(key) is { Length: > 0 } value) return value;
        }
        return null;
    }

    private static bool Tripped(JsonElement value) =>
        OtlpValue.AsString(value)?.ToLowerInvariant() is "true" or "triggered" or "tripped" or "blocked" or "open" or "half-open" or "fail" or "failed" or "violation" or "flagged" or "rejected";
}
