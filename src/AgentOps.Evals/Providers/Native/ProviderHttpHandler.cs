using System.Net;
using AgentOps.Evals.Providers.RateLimiting;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Providers.Native;

/// <summary>The HTTP handler under every native SDK (Anthropic, Ollama): shows each response's rate-limit headers to the
/// provider's limiter and turns a failed status into a classified <see cref="InfrastructureException"/> carrying the
/// server's retry-after, so the one retry loop and the limiter treat every provider alike (the SDKs' own exceptions drop the headers).</summary>
internal sealed class ProviderHttpHandler(string provider, AdaptiveRateLimiter? limiter, TimeProvider time,
    Func<Func<string, string?>, DateTimeOffset, RateLimitHeaders> readHeaders) : DelegatingHandler(new SocketsHttpHandler())
{
    private const int MaxErrorChars = 300;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? values.FirstOrDefault() : null;
        var now = time.GetUtcNow();
        limiter?.Learn(readHeaders(Header, now));
        if (response.IsSuccessStatusCode) return response;

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        response.Dispose();
        var kind = status switch
        {
            429 => "rate-limited",
            408 => "timeout",
            >= 500 => "server-error",
            _ => "client-error",
        };
        // The provider's own error text names the problem (unknown model, bad parameter); it never holds our key.
        var detail = body.Length > MaxErrorChars ? body[..MaxErrorChars] + "…" : body;
        throw new InfrastructureException(kind, $"{provider} answered HTTP {status} ({(HttpStatusCode)status}): {detail.ReplaceLineEndings(" ")}")
        {
            RetryAfter = RateLimitHeaders.RetryAfterOf(Header, now),
        };
    }

    /// <summary>An <see cref="HttpClient"/> over this handler with no timeout of its own: the pipeline's timeout decorator owns time.</summary>
    public static HttpClient Client(string provider, AdaptiveRateLimiter? limiter, TimeProvider? time,
        Func<Func<string, string?>, DateTimeOffset, RateLimitHeaders> readHeaders, Uri? baseAddress = null) =>
        new(new ProviderHttpHandler(provider, limiter, time ?? TimeProvider.System, readHeaders)) { Timeout = Timeout.InfiniteTimeSpan, BaseAddress = baseAddress };
}
