using System.ClientModel;
using System.Text.Json;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Providers;

/// <summary>Classifies a failed call: which kind of infrastructure error it is, whether to retry, and how long the server asked us to wait.</summary>
internal sealed record TransientFailure(string Kind, bool Retryable, TimeSpan? RetryAfter)
{
    public static TransientFailure? Classify(Exception exception) => exception switch
    {
        InfrastructureException infra => new(infra.Kind, infra.Kind is "rate-limited" or "server-error" or "unreachable" or "timeout" or "malformed-response", infra.RetryAfter),
        // No HTTP response at all (connection refused, DNS, TLS): the endpoint is unreachable, not malformed.
        ClientResultException { Status: 0, InnerException: HttpRequestException or System.Net.Sockets.SocketException } => new("unreachable", true, null),
        ClientResultException result => FromStatus(result.Status, result),
        HttpRequestException http when http.StatusCode is { } code => FromStatus((int)code, null),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError }
            => new("unreachable", true, null),
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
        return RateLimiting.RateLimitHeaders.RetryAfterOf(name => headers.TryGetValue(name, out var value) ? value : null, DateTimeOffset.UtcNow);
    }
}
