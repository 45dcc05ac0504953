using System.ClientModel.Primitives;

namespace AgentOps.Evals.Providers.RateLimiting;

/// <summary>An OpenAI SDK pipeline step that shows every raw response's <c>x-ratelimit-*</c> headers to the provider's limiter:
/// successful replies carry them too, and the SDK's <c>ChatResponse</c> does not.</summary>
internal sealed class RateLimitHeaderPolicy(AdaptiveRateLimiter limiter, TimeProvider time) : PipelinePolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ProcessNext(message, pipeline, currentIndex);
        Observe(message);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
        Observe(message);
    }

    private void Observe(PipelineMessage message)
    {
        if (message.Response?.Headers is not { } headers) return;
        limiter.Learn(RateLimitHeaders.Read(name => headers.TryGetValue(name, out var value) ? value : null, time.GetUtcNow()));
    }
}
