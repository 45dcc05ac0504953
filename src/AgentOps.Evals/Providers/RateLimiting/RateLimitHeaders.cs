using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentOps.Evals.Providers.RateLimiting;

/// <summary>What one response said about the provider's limits: OpenAI's <c>x-ratelimit-limit/remaining/reset-requests|tokens</c>
/// and <c>retry-after-ms</c> / <c>retry-after</c>. Any field is null when its header is absent or unreadable.</summary>
public sealed partial record RateLimitHeaders(
    double? LimitRequests, double? RemainingRequests, TimeSpan? ResetRequests,
    double? LimitTokens, double? RemainingTokens, TimeSpan? ResetTokens, TimeSpan? RetryAfter)
{
    /// <summary>Reads the headers through <paramref name="header"/> (a case-insensitive lookup); <paramref name="now"/> turns an HTTP-date Retry-After into a delay.</summary>
    public static RateLimitHeaders Read(Func<string, string?> header, DateTimeOffset now) => new(
        Number(header("x-ratelimit-limit-requests")), Number(header("x-ratelimit-remaining-requests")), Duration(header("x-ratelimit-reset-requests")),
        Number(header("x-ratelimit-limit-tokens")), Number(header("x-ratelimit-remaining-tokens")), Duration(header("x-ratelimit-reset-tokens")),
        RetryAfterOf(header, now));

    /// <summary>The wait the server asked for: <c>retry-after-ms</c> (exact) before <c>retry-after</c> (seconds or an HTTP date).</summary>
    public static TimeSpan? RetryAfterOf(Func<string, string?> header, DateTimeOffset now)
    {
        if (Number(header("retry-after-ms")) is { } ms && ms >= 0) return TimeSpan.FromMilliseconds(ms);
        if (header("retry-after") is not { } value) return null;
        if (Number(value) is { } seconds && seconds >= 0) return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at > now ? at - now : TimeSpan.Zero;
        return null;
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    [GeneratedRegex(@"^(?:(?<n>\d+(?:\.\d+)?)(?<u>ms|h|m|s))+$")]
    private static partial Regex GoDuration();

    /// <summary>OpenAI writes resets as Go durations (<c>1s</c>, <c>6m0s</c>, <c>20ms</c>); a bare number is seconds.</summary>
    internal static TimeSpan? Duration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (Number(text) is { } seconds) return seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
        var match = GoDuration().Match(text);
        if (!match.Success) return null;
        var total = 0.0;
        for (var i = 0; i < match.Groups["n"].Captures.Count; i++)
        {
            var n = double.Parse(match.Groups["n"].Captures[i].Value, CultureInfo.InvariantCulture);
            total += match.Groups["u"].Captures[i].Value switch { "ms" => n / 1000, "h" => n * 3600, "m" => n * 60, _ => n };
        }
        return TimeSpan.FromSeconds(total);
    }
}
