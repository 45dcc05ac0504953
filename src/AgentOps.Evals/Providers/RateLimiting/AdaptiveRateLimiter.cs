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
    internal const double HeaderMargin = 0.98;
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
    private DateTimeOffset _lastSuccess;
    private double _meanSecondsBetweenSuccesses;
    private long _admitted;
    private long _rejected;

    /// <summary>A limiter starting at the configured <c>rpm</c>/<c>tpm</c> of <paramref name="limits"/> (unpaced when none); <paramref name="time"/> drives every wait.</summary>
    public AdaptiveRateLimiter(ProviderLimits limits, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _configuredRequestRate = limits.Rpm is { } rpm ? rpm / 60 : double.PositiveInfinity;
        _configuredTokenRate = limits.Tpm is { } tpm ? tpm / 60 : double.PositiveInfinity;
        _rate = _configuredRequestRate;
        if (limits.MaxConcurrency is { } max) _slots = new SemaphoreSlim(max, max);
        _next = _pausedUntil = _noCutBefore = _lastSuccess = _time.GetUtcNow();
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
            while (true)
            {
                var (wait, reserved) = Reserve();
                if (wait <= TimeSpan.Zero) return lease;
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                // A 429 seen while this call waited for its slot pauses it too; then it takes a new slot.
                if (reserved && !Paused()) return lease;
            }
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>Takes the next start slot: how long until it comes (zero: start now) and whether a slot was taken
    /// (false while everybody is paused after a 429: the caller asks again when the pause ends).</summary>
    /// <remarks>Slots are spaced exactly one interval apart from the previous slot, not from when a caller woke up, so
    /// timer lateness never accumulates into a slower pace; an idle pacer keeps no credit, since bursts are what providers punish.</remarks>
    internal (TimeSpan Wait, bool Reserved) Reserve()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_pausedUntil > now) return (_pausedUntil - now, false);
            var start = _next > now ? _next : now;
            _next = start + TimeSpan.FromSeconds(Math.Min(Interval(), 3600));
            return (start - now, true);
        }
    }

    private bool Paused()
    {
        lock (_gate) return _pausedUntil > _time.GetUtcNow();
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
            // The throughput actually achieved: what a first 429 cuts from when nothing else is known.
            var gap = (now - _lastSuccess).TotalSeconds;
            _meanSecondsBetweenSuccesses = _meanSecondsBetweenSuccesses == 0 ? gap : _meanSecondsBetweenSuccesses + Smoothing * (gap - _meanSecondsBetweenSuccesses);
            _lastSuccess = now;
            var ceiling = Ceiling();
            if (double.IsFinite(_rate) && _rate < ceiling)
                _rate = Math.Min(ceiling, _rate + Math.Max(0.1, (double.IsFinite(ceiling) ? ceiling : _rate) * 0.02));
        }
    }

    /// <summary>The provider refused a call (429). When its limit is known (config or x-ratelimit headers) the bucket is
    /// empty: every caller waits out <paramref name="retryAfter"/> and the rate is cut once per congestion event (several
    /// 429s from one burst cut it once). A 429 from a provider that states no limit only counts.</summary>
    public void OnRejected(TimeSpan? retryAfter)
    {
        Interlocked.Increment(ref _rejected);
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var pause = retryAfter is { } asked && asked > TimeSpan.Zero ? asked : TimeSpan.FromSeconds(Math.Min(1, Interval()));
            var informed = double.IsFinite(Ceiling()) || double.IsFinite(Math.Min(_configuredTokenRate, _learnedTokenRate));
            // A 429 from a provider that states no limit (no headers, nothing configured) may be a random refusal: cutting
            // on those spirals the pace down to nothing (measured: a run with 20% injected 429s never finished), so only
            // the refused call waits out its retry-after.
            if (!informed) return;
            if (now + pause > _pausedUntil) _pausedUntil = now + pause;
            if (now < _noCutBefore) return;
            var current = double.IsFinite(_rate) ? _rate : _meanSecondsBetweenSuccesses > 0 ? 1 / _meanSecondsBetweenSuccesses : double.NaN;
            if (double.IsNaN(current)) return;
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
        limit is { } l && remaining is { } r && reset is { } t && l - r >= 2 && t > TimeSpan.Zero ? (l - r) / t.TotalSeconds : null;

    /// <summary>Releases the concurrency semaphore, when the provider has a concurrency limit.</summary>
    public void Dispose() => _slots?.Dispose();
}
