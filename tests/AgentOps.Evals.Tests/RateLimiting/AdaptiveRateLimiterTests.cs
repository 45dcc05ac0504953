using AgentOps.Evals.Config;
using AgentOps.Evals.Providers.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Evals.Tests.RateLimiting;

/// <summary>The limiter obeys what the provider says, on a fake clock: no timing, every figure exact.</summary>
public sealed class AdaptiveRateLimiterTests
{
    private static RateLimitHeaders Requests(double limit, double remaining, string reset) =>
        new(limit, remaining, RateLimitHeaders.Duration(reset), null, null, null, null);

    [Fact]
    public void Nothing_known_means_no_pacing()
    {
        var limiter = new AdaptiveRateLimiter(ProviderLimits.None, new FakeTimeProvider());
        for (var i = 0; i < 100; i++) Assert.Equal(TimeSpan.Zero, limiter.Reserve().Wait);
    }

    [Fact]
    public void The_rate_in_x_ratelimit_headers_spaces_the_calls()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(ProviderLimits.None, time);
        // 30 of 30 used, full again in 1 s: the provider refills 30 requests a second.
        limiter.Learn(Requests(30, 0, "1s"));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve().Wait);
        var spacing = TimeSpan.FromSeconds(1 / (30 * AdaptiveRateLimiter.HeaderMargin));
        Assert.Equal(spacing.TotalMilliseconds, limiter.Reserve().Wait.TotalMilliseconds, 3);
        // The third slot is two spacings after the first, however late the second caller woke up.
        time.Advance(spacing * 1.5);
        Assert.Equal(spacing.TotalMilliseconds / 2, limiter.Reserve().Wait.TotalMilliseconds, 3);
        Assert.Equal(30 * AdaptiveRateLimiter.HeaderMargin, limiter.RequestsPerSecond, 6);
    }

    [Fact]
    public void A_429_pauses_every_caller_for_its_retry_after_and_cuts_the_rate()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(ProviderLimits.None, time);
        limiter.Learn(Requests(10, 0, "1s"));
        var before = limiter.RequestsPerSecond;
        limiter.OnRejected(TimeSpan.FromMilliseconds(1500));
        Assert.Equal(1500, limiter.Reserve().Wait.TotalMilliseconds, 3);
        time.Advance(TimeSpan.FromMilliseconds(1499));
        Assert.Equal(1, limiter.Reserve().Wait.TotalMilliseconds, 3);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve().Wait);
        Assert.Equal(before * AdaptiveRateLimiter.DecreaseFactor, limiter.RequestsPerSecond, 6);
        Assert.Equal(1, limiter.Rejected);
    }

    [Fact]
    public void Several_429s_from_one_burst_cut_the_rate_once_and_successes_raise_it_back_to_the_ceiling()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(new ProviderLimits(Rpm: 600), time);
        Assert.Equal(10, limiter.RequestsPerSecond, 6);
        limiter.OnRejected(TimeSpan.FromSeconds(1));
        limiter.OnRejected(TimeSpan.FromSeconds(1));
        limiter.OnRejected(TimeSpan.FromSeconds(1));
        Assert.Equal(7, limiter.RequestsPerSecond, 6);
        for (var i = 0; i < 100; i++) limiter.OnSuccess(0);
        Assert.Equal(10, limiter.RequestsPerSecond, 6);
    }

    [Fact]
    public void A_429_from_a_provider_that_states_no_limit_neither_pauses_nor_slows_the_others()
    {
        var limiter = new AdaptiveRateLimiter(ProviderLimits.None, new FakeTimeProvider());
        limiter.OnSuccess(0);
        for (var i = 0; i < 50; i++) limiter.OnRejected(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, limiter.Reserve().Wait);
        Assert.Equal(double.PositiveInfinity, limiter.RequestsPerSecond);
        Assert.Equal(50, limiter.Rejected);
    }

    [Fact]
    public void Configured_rpm_paces_from_the_first_call()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(new ProviderLimits(Rpm: 120), time);
        Assert.Equal(TimeSpan.Zero, limiter.Reserve().Wait);
        Assert.Equal(TimeSpan.FromMilliseconds(500), limiter.Reserve().Wait);
    }

    [Fact]
    public void A_tokens_per_minute_limit_paces_by_the_tokens_an_average_call_uses()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(new ProviderLimits(Tpm: 6000), time);
        limiter.OnSuccess(50);
        // 6,000 tokens a minute = 100 a second; calls of 50 tokens: one every 0.5 s.
        Assert.Equal(TimeSpan.Zero, limiter.Reserve().Wait);
        Assert.Equal(TimeSpan.FromMilliseconds(500), limiter.Reserve().Wait);
    }

    [Fact]
    public void The_token_rate_in_headers_is_learned_too()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(ProviderLimits.None, time);
        limiter.OnSuccess(100);
        limiter.Learn(new RateLimitHeaders(null, null, null, 1000, 0, RateLimitHeaders.Duration("2s"), null));
        // 1,000 tokens refill in 2 s = 500/s; calls of 100 tokens: 5 a second (under the margin).
        Assert.Equal(5 * AdaptiveRateLimiter.HeaderMargin, limiter.RequestsPerSecond, 6);
    }

    [Fact]
    public async Task Max_concurrency_holds_the_next_call_until_a_lease_is_returned()
    {
        var limiter = new AdaptiveRateLimiter(new ProviderLimits(MaxConcurrency: 2), new FakeTimeProvider());
        var first = await limiter.AcquireAsync(CancellationToken.None);
        using var second = await limiter.AcquireAsync(CancellationToken.None);
        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();
        Assert.False(third.IsCompleted);
        first.Dispose();
        (await third).Dispose();
    }

    [Fact]
    public async Task A_caller_waiting_out_a_pause_starts_when_the_fake_clock_reaches_it()
    {
        var time = new FakeTimeProvider();
        var limiter = new AdaptiveRateLimiter(new ProviderLimits(Rpm: 60), time);
        limiter.OnRejected(TimeSpan.FromSeconds(3));
        var waiting = limiter.AcquireAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        (await waiting).Dispose();
    }

    [Theory]
    [InlineData("20ms", 20)]
    [InlineData("1s", 1000)]
    [InlineData("1.5s", 1500)]
    [InlineData("6m0s", 360_000)]
    [InlineData("1h2m3s", 3_723_000)]
    [InlineData("2", 2000)]
    public void Reset_headers_read_as_go_durations_or_seconds(string text, double milliseconds) =>
        Assert.Equal(milliseconds, RateLimitHeaders.Duration(text)!.Value.TotalMilliseconds, 6);

    [Fact]
    public void Retry_after_ms_wins_over_retry_after_seconds()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["retry-after"] = "1", ["retry-after-ms"] = "250" };
        Assert.Equal(TimeSpan.FromMilliseconds(250), RateLimitHeaders.RetryAfterOf(n => headers.GetValueOrDefault(n), DateTimeOffset.UnixEpoch));
        headers.Remove("retry-after-ms");
        Assert.Equal(TimeSpan.FromSeconds(1), RateLimitHeaders.RetryAfterOf(n => headers.GetValueOrDefault(n), DateTimeOffset.UnixEpoch));
    }
}
