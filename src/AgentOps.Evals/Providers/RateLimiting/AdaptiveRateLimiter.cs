using AgentOps.Evals.Config;

namespace AgentOps.Evals.Providers.RateLimiting;

/// <summary>Paces the calls to one provider so they stay under its real limit: a start-time pacer whose rate comes from the
/// configured <c>rpm</c>/<c>tpm</c> and from the provider's <c>x-ratelimit-*</c> headers, cut on every 429 (and every caller
/// paused for its retry-after), then raised again step by step (additive increase, multiplicative decrease).</summary>
/// <remarks>One instance per provider per process (<see cref="RateLimiterRegistry"/>), so every candidate and the judge on
/// that provider share what it learned. Thread-safe; all time comes from the <see cref="TimeProvider"/>.</remarks>
public sealed class AdaptiveRateLimiter : IDisposable
{
    /// <summary>Paces a little under what the headers say, so network jitter between our start and the server's clock never overdraws it.</summary>
    internal const double HeaderMargin = 0.97;
    internal const double DecreaseFactor = 0.7;
    private const double MinimumRate = 0.05;
    private const double Smoothing = 0.3;

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim? _slots;
    private readonly double _configuredRequestRate;
    private readonly double _configuredTokenRate;
    private double _learnedRequestRate = double.PositiveInfinity;
    private double _learnedTokenRate = double.PositiveInfinity;
    private double _rate = double.PositiveInfinity;
    private double _tokensPerCall;
    private DateTimeOffset _next;
    private DateTimeOffset _pausedUntil;
    private DateTimeOffset _noCutBefore;
    private DateTimeOffset _windowStart;
    private int _windowSuccesses;
    private double _recentRate;
    private long _admitted;
    private long _rejected;

    public AdaptiveRateLimiter(ProviderLimits limits, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _configuredRequestRate = limits.Rpm is { } rpm ? rpm / 60 : double.PositiveInfinity;
        _configuredTokenRate = limits.Tpm is { } tpm ? tpm / 60 : double.PositiveInfinity;
        _rate = _configuredRequestRate;
        if (limits.MaxConcurrency is { } max) _slots = new SemaphoreSlim(max, max);
        _next = _pausedUntil = _noCutBefore = _windowStart = _time.GetUtcNow();
    }

    /// <summary>Calls the provider accepted.</summary>
    public long Admitted => Interlocked.Read(ref _admitted);

    /// <summary>Calls the provider answered 429.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>The request rate (per second) calls start at now; infinite while nothing is known.</summary>
    public double RequestsPerSecond
    {
        get { lock (_gate) return 1 / Interval(); }
    }

    /// <summary>Waits for a concurrency slot and for this call's start time, then lets the call go.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken)
    {
        if (_slots is not null) await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        var lease = new RateLimitLease(_slots);
        try
        {
            // A 429 seen while this call waited may pause everybody: look again after every wait.
            while (Reserve() is var wait && wait > TimeSpan.Zero)
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            return lease;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>How long the caller must wait before it may start; zero means it has its slot and starts now.</summary>
    internal TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_pausedUntil > now) return _pausedUntil - now;
            if (_next > now) return _next - now;
            // The pacer keeps no credit for idle time: bursts are what the provider punishes.
            _next = now + TimeSpan.FromSeconds(Math.Min(Interval(), 3600));
            return TimeSpan.Zero;
        }
    }

    /// <summary>Learns the provider's rates from the headers of any response, 429s included.</summary>
    public void Learn(RateLimitHeaders headers)
    {
        lock (_gate)
        {
            if (RateOf(headers.LimitRequests, headers.RemainingRequests, headers.ResetRequests) is { } requests)
                _learnedRequestRate = double.IsPositiveInfinity(_learnedRequestRate) ? requests : _learnedRequestRate + Smoothing * (requests - _learnedRequestRate);
            if (RateOf(headers.LimitTokens, headers.RemainingTokens, headers.ResetTokens) is { } tokens)
                _learnedTokenRate = double.IsPositiveInfinity(_learnedTokenRate) ? tokens : _learnedTokenRate + Smoothing * (tokens - _learnedTokenRate);
            if (_rate > Ceiling()) _rate = Ceiling();
        }
    }

    /// <summary>A call was accepted and used <paramref name="tokens"/> (input + output; 0 when unknown): raise the rate a step.</summary>
    public void OnSuccess(long tokens)
    {
        Interlocked.Increment(ref _admitted);
        lock (_gate)
        {
            if (tokens > 0) _tokensPerCall = _tokensPerCall == 0 ? tokens : _tokensPerCall + Smoothing * (tokens - _tokensPerCall);
            var now = _time.GetUtcNow();
            _windowSuccesses++;
            var window = (now - _windowStart).TotalSeconds;
            if (window >= 1)
            {
                _recentRate = _windowSuccesses / window;
                _windowStart = now;
                _windowSuccesses = 0;
            }
            var ceiling = Ceiling();
            if (double.IsFinite(_rate) && _rate < ceiling)
                _rate = Math.Min(ceiling, _rate + Math.Max(0.1, (double.IsFinite(ceiling) ? ceiling : _rate) * 0.02));
        }
    }

    /// <summary>The provider refused a call (429): every caller waits out <paramref name="retryAfter"/>, and the rate is cut
    /// once per congestion event (several 429s from one burst cut it once).</summary>
    public void OnRejected(TimeSpan? retryAfter)
    {
        Interlocked.Increment(ref _rejected);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var pause = retryAfter is { } asked && asked > TimeSpan.Zero ? asked : TimeSpan.FromSeconds(Math.Min(1, Interval()));
            if (now + pause > _pausedUntil) _pausedUntil = now + pause;
            if (now < _noCutBefore) return;
            var current = double.IsFinite(_rate) ? _rate : Math.Max(_recentRate, 1);
            _rate = Math.Max(MinimumRate, current * DecreaseFactor);
            // The headers over-promised if a call paced under them was still refused: trust them a little less.
            if (double.IsFinite(_learnedRequestRate)) _learnedRequestRate *= 0.95;
            _noCutBefore = now + pause + TimeSpan.FromSeconds(Math.Min(1, 1 / _rate));
        }
    }

    private double Ceiling() => Math.Min(_configuredRequestRate, _learnedRequestRate * HeaderMargin);

    /// <summary>Seconds between call starts: the request pace, or the token pace for an average call, whichever is slower.</summary>
    private double Interval()
    {
        var requestInterval = 1 / Math.Min(_rate, Ceiling());
        var tokenRate = Math.Min(_configuredTokenRate, _learnedTokenRate * HeaderMargin);
        var tokenInterval = _tokensPerCall > 0 && double.IsFinite(tokenRate) ? _tokensPerCall / tokenRate : 0;
        return Math.Max(requestInterval, tokenInterval);
    }

    /// <summary>The refill rate a token-bucket provider reports: used capacity ÷ time until full again.</summary>
    private static double? RateOf(double? limit, double? remaining, TimeSpan? reset) =>
        limit is { } l && remaining is { } r && reset is { } t && l - r >= 1 && t > TimeSpan.Zero ? (l - r) / t.TotalSeconds : null;

    public void Dispose() => _slots?.Dispose();
}
