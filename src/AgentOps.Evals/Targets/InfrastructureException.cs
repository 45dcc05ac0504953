namespace AgentOps.Evals.Targets;

/// <summary>A failure outside the model's answer (429, 5xx, timeout, malformed reply, missing recording): counted apart from model failures.</summary>
/// <param name="kind">rate-limited, server-error, unreachable, timeout, malformed-response, missing-recording, judge-error or target-error.</param>
/// <param name="message">What went wrong, safe to show (no secrets).</param>
/// <param name="inner">The underlying failure, if any.</param>
public sealed class InfrastructureException(string kind, string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>Which infrastructure failure this is (one of the kinds above); reports count trials by it.</summary>
    public string Kind { get; } = kind;

    /// <summary>How long the server asked us to wait before trying again (a 429's or 503's retry-after), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
