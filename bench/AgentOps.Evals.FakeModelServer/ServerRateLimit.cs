using System.Globalization;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>OpenAI-style limits: a requests bucket and a tokens bucket, each refilled continuously and holding
/// <c>burst</c> seconds of its rate. A request is admitted when both hold enough; otherwise it is refused (429)
/// with how long until they will.</summary>
internal sealed class ServerRateLimit
{
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly double _requestRate;
    private readonly double _tokenRate;
    private readonly double _requestCapacity;
    private readonly double _tokenCapacity;
    private double _requests;
    private double _tokens;
    private DateTimeOffset _last;
    private long _rejected;
    private long _admittedTokens;

    /// <param name="requestsPerSecond">0: no request limit.</param>
    /// <param name="tokensPerMinute">0: no token limit.</param>
    public ServerRateLimit(double requestsPerSecond, double tokensPerMinute, double burstSeconds, TimeProvider time)
    {
        _time = time;
        _requestRate = requestsPerSecond > 0 ? requestsPerSecond : double.PositiveInfinity;
        _tokenRate = tokensPerMinute > 0 ? tokensPerMinute / 60 : double.PositiveInfinity;
        _requestCapacity = double.IsFinite(_requestRate) ? Math.Max(1, Math.Round(_requestRate * burstSeconds)) : double.PositiveInfinity;
        _tokenCapacity = double.IsFinite(_tokenRate) ? Math.Max(1, Math.Round(_tokenRate * burstSeconds)) : double.PositiveInfinity;
        _requests = _requestCapacity;
        _tokens = _tokenCapacity;
        _last = time.GetUtcNow();
    }

    public long Rejected => Interlocked.Read(ref _rejected);

    public long AdmittedTokens => Interlocked.Read(ref _admittedTokens);

    /// <summary>Admits a request costing <paramref name="tokens"/> or says how long until it could be; either way sets the x-ratelimit-* headers.</summary>
    public TimeSpan? TryAdmit(long tokens, IHeaderDictionary headers)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var elapsed = Math.Max(0, (now - _last).TotalSeconds);
            _last = now;
            _requests = Math.Min(_requestCapacity, _requests + elapsed * _requestRate);
            _tokens = Math.Min(_tokenCapacity, _tokens + elapsed * _tokenRate);
            // A request bigger than the whole bucket could never pass: charge it the bucket, as a provider caps it.
            var cost = Math.Min(tokens, _tokenCapacity);
            TimeSpan? wait = null;
            if (_requests >= 1 && _tokens >= cost)
            {
                _requests -= 1;
                _tokens -= cost;
                Interlocked.Add(ref _admittedTokens, tokens);
            }
            else
            {
                Interlocked.Increment(ref _rejected);
                var seconds = Math.Max(_requests >= 1 ? 0 : (1 - _requests) / _requestRate, _tokens >= cost ? 0 : (cost - _tokens) / _tokenRate);
                wait = TimeSpan.FromSeconds(seconds);
            }
            if (double.IsFinite(_requestCapacity))
                Write(headers, "requests", _requestCapacity, _requests, (_requestCapacity - _requests) / _requestRate);
            if (double.IsFinite(_tokenCapacity))
                Write(headers, "tokens", _tokenCapacity, _tokens, (_tokenCapacity - _tokens) / _tokenRate);
            return wait;
        }
    }

    private static void Write(IHeaderDictionary headers, string what, double limit, double remaining, double resetSeconds)
    {
        headers["x-ratelimit-limit-" + what] = limit.ToString("0", CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining-" + what] = Math.Floor(remaining).ToString("0", CultureInfo.InvariantCulture);
        // OpenAI writes Go durations: "20ms" under a second, "1.5s" above.
        headers["x-ratelimit-reset-" + what] = resetSeconds < 1
            ? Math.Ceiling(resetSeconds * 1000).ToString("0", CultureInfo.InvariantCulture) + "ms"
            : resetSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
    }
}
