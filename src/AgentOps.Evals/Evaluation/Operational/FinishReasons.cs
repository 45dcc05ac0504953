namespace AgentOps.Evals.Evaluation.Operational;

/// <summary>The four finish reasons assertions name, and the provider spellings that mean the same.</summary>
internal static class FinishReasons
{
    public const string Stop = "stop";
    public const string Length = "length";
    public const string ToolCalls = "tool_calls";
    public const string ContentFilter = "content_filter";

    public static readonly string[] Names = [Stop, Length, ToolCalls, ContentFilter];

    // OpenLLMetry reports tool_call; Anthropic-style providers say end_turn, max_tokens, tool_use.
    private static readonly (string Alias, string Name)[] Aliases =
    [
        (Stop, Stop), ("end_turn", Stop), ("stop_sequence", Stop), ("complete", Stop),
        (Length, Length), ("max_tokens", Length), ("max_output_tokens", Length), ("model_length", Length),
        (ToolCalls, ToolCalls), ("tool_call", ToolCalls), ("tool_use", ToolCalls), ("function_call", ToolCalls), ("toolcalls", ToolCalls),
        (ContentFilter, ContentFilter), ("content_filtered", ContentFilter), ("safety", ContentFilter),
    ];

    /// <summary>The canonical name for a reported finish reason, or null when unknown or absent.</summary>
    public static string? Normalize(string? reported)
    {
        if (string.IsNullOrWhiteSpace(reported))
            return null;
        var trimmed = reported.AsSpan().Trim();
        foreach (var (alias, name) in Aliases)
        {
            if (trimmed.Equals(alias, StringComparison.OrdinalIgnoreCase))
                return name;
        }
        return null;
    }

    /// <summary>What a finish reason tells a person reading a failure.</summary>
    public static string Explain(string name) => name switch
    {
        Length => " (the output was cut off at the token limit)",
        ToolCalls => " (the model stopped to call a tool; the tool loop may have hit run.max-tool-iterations)",
        ContentFilter => " (the provider's content filter stopped the output)",
        _ => "",
    };
}
