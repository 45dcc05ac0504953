using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Providers;

/// <summary>The one retry loop behind chat calls and the HTTP target: retries what <see cref="TransientFailure"/> calls retryable,
/// honours retry-after, waits out 429s within the policy's time budget, and ends in a classified <see cref="InfrastructureException"/>.</summary>
internal static class RetryLoop
{
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> attempt, RetryPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        for (var retry = 0; ; retry++)
        {
            try
            {
                return await attempt(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && TransientFailure.Classify(e) is { } failure)
            {
                var delay = DelayFor(policy, retry, failure);
                var waited = time.GetElapsedTime(started);
                // retries: 0 switches retrying off altogether; otherwise 429s are waited out within the time budget.
                var withinBudget = failure.Kind == "rate-limited" && policy.Budget is { } budget && policy.MaxRetries > 0
                    ? waited + delay <= budget
                    : retry < policy.MaxRetries;
                if (!failure.Retryable || !withinBudget)
                {
                    var tries = retry + 1;
                    throw new InfrastructureException(failure.Kind,
                        $"{failure.Kind} after {tries} attempt{(tries == 1 ? "" : "s")} ({waited.TotalSeconds:0.#} s): {FirstLine(e.Message)}", e);
                }
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static TimeSpan DelayFor(RetryPolicy policy, int retry, TransientFailure failure)
    {
        // The server's retry-after is honoured in full: retrying earlier only earns another 429.
        if (failure.RetryAfter is { } asked && asked > TimeSpan.Zero)
            return failure.Kind == "rate-limited" || asked < policy.Max ? asked : policy.Max;
        // Full jitter: spreads retries from many concurrent trials so they don't hit the provider in lockstep.
        var ceiling = Math.Min(policy.Max.TotalMilliseconds, policy.Base.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30)));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
