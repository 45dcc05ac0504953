namespace AgentOps.Evals.Config;

/// <summary>A provider's known limits from <c>providers.NAME: {rpm, tpm, max-concurrency}</c>; each null when not set,
/// in which case the adaptive limiter learns it from the provider's 429s and <c>x-ratelimit-*</c> headers.</summary>
/// <param name="Rpm">Requests per minute the provider allows.</param>
/// <param name="Tpm">Tokens (input + output) per minute the provider allows.</param>
/// <param name="MaxConcurrency">Calls in flight to the provider at once, across every candidate and the judge.</param>
public sealed record ProviderLimits(double? Rpm = null, double? Tpm = null, int? MaxConcurrency = null)
{
    /// <summary>No limit configured: everything is learned from the provider.</summary>
    public static ProviderLimits None { get; } = new();
}
