namespace AgentOps.Evals.Judging;

/// <summary>Models that refuse <c>max_tokens</c> and a temperature other than the default (OpenAI's o-series and gpt-5 family).</summary>
internal static class ReasoningModels
{
    private static readonly string[] Prefixes = ["o1", "o3", "o4", "gpt-5"];

    public static bool Is(string model)
    {
        var name = model.Contains('/') ? model[(model.LastIndexOf('/') + 1)..] : model;
        return Prefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
    }
}
