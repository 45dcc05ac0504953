using Microsoft.Extensions.AI;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Providers;

/// <summary>Prices each call from the pricing table (USD per million tokens) and charges it to the usage meter of the
/// call's <see cref="TrialContext"/>; a streamed call is priced from its final usage content.</summary>
internal sealed class CostMeteringChatClient(IChatClient inner, IReadOnlyDictionary<string, ModelPrice> pricing) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        Charge(options, response.ModelId, response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? model = null;
        UsageDetails? usage = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            model ??= update.ModelId;
            foreach (var content in update.Contents.OfType<UsageContent>())
            {
                usage ??= new UsageDetails();
                usage.Add(content.Details);
            }
            yield return update;
        }
        Charge(options, model, usage);
    }

    /// <summary>The USD a call with <paramref name="usage"/> costs on <paramref name="model"/>, or null when the model has no price.</summary>
    public decimal? Cost(string model, UsageDetails usage) =>
        Price(model) is { } price ? price.Cost(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0) : null;

    private void Charge(ChatOptions? options, string? responseModel, UsageDetails? usage)
    {
        if (usage is null || TrialContext.From(options) is not { } trial) return;
        if (Cost(options?.ModelId ?? responseModel ?? "", usage) is { } cost) trial.Usage.AddCost(cost);
    }

    private ModelPrice? Price(string model) =>
        pricing.TryGetValue(model, out var price) ? price
        // Providers answer with dated ids (gpt-4.1-mini-2025-04-14); price them as their family.
        : pricing.Where(p => model.StartsWith(p.Key, StringComparison.Ordinal)).OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
}
