using Microsoft.Extensions.AI;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Providers;

/// <summary>Prices each call from the pricing table (USD per million tokens) and stamps the cost on the response.</summary>
public sealed class CostMeteringChatClient(IChatClient inner, IReadOnlyDictionary<string, ModelPrice> pricing) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var model = options?.ModelId ?? response.ModelId ?? "";
        if (Price(model) is { } price && response.Usage is { } usage)
            ResponseProperties.Set(response, ResponseProperties.CostUsd, price.Cost(usage.InputTokenCount ?? 0, usage.OutputTokenCount ?? 0));
        return response;
    }

    private ModelPrice? Price(string model) =>
        pricing.TryGetValue(model, out var price) ? price
        // Providers answer with dated ids (gpt-4.1-mini-2025-04-14); price them as their family.
        : pricing.Where(p => model.StartsWith(p.Key, StringComparison.Ordinal)).OrderByDescending(p => p.Key.Length).Select(p => p.Value).FirstOrDefault();
}
