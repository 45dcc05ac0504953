using System.ClientModel;
using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Providers;

/// <summary>Classifies a failed call: which kind of infrastructure error it is, whether to retry, and how long the server asked us to wait.</summary>
internal sealed record TransientFailure(string Kind, bool Retryable, TimeSpan? RetryAfter)
{
    public static TransientFailure? Classify(Exception exception) => exception switch
    {
        InfrastructureException infra => new(infra.Kind, infra.Kind is "rate-limited" or "server-error" or "timeout" or "malformed-response", null),
        ClientResultException result => FromStatus(result.Status, result),
        HttpRequestException http when http.StatusCode is { } code => FromStatus((int)code, null),
        HttpRequestException => new("server-error", true, null),
        TimeoutException => new("timeout", true, null),
        JsonException or FormatException => new("malformed-response", true, null),
        _ => null,
    };

    private static TransientFailure FromStatus(int status, ClientResultException? result) => status switch
    {
        429 => new("rate-limited", true, RetryAfterOf(result)),
        408 => new("timeout", true, null),
        >= 500 => new("server-error", true, RetryAfterOf(result)),
        0 => new("malformed-response", true, null),
        _ => new("client-error", false, null),
    };

    private static TimeSpan? RetryAfterOf(ClientResultException? result)
    {
        var headers = result?.GetRawResponse()?.Headers;
        if (headers is null) return null;
        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return TimeSpan.FromMilliseconds(millis);
        if (headers.TryGetValue("Retry-After", out var value))
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return at - DateTimeOffset.UtcNow;
        }
        return null;
    }
}
