using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>Names of the values decorators stamp on a <see cref="ChatResponse"/> for the target to read.</summary>
internal static class ResponseProperties
{
    /// <summary>The latency the call had when it was recorded (replay serves it instead of the replay's own).</summary>
    public const string RecordedLatencyMs = "agentops.latency_ms";

    /// <summary>USD the call cost, from the pricing table.</summary>
    public const string CostUsd = "agentops.cost_usd";

    public static void Set(ChatResponse response, string name, object value) =>
        (response.AdditionalProperties ??= [])[name] = value;

    public static T? Get<T>(ChatResponse response, string name) where T : struct =>
        response.AdditionalProperties?.TryGetValue(name, out var value) == true && value is T t ? t : null;
}
