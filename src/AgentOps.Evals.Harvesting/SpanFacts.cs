namespace AgentOps.Evals.Harvesting;

/// <summary>What the dialects read from one span, in one shape. Filled by every dialect that recognizes the span.</summary>
internal sealed class SpanFacts
{
    public required string TraceId { get; init; }
    public string SpanId { get; init; } = "";
    public ulong Start { get; init; }
    public ulong End { get; init; }
    public SpanKind Kind { get; set; }
    public string? SessionId { get; set; }
    public string? UserId { get; set; }
    public string? Tier { get; set; }
    /// <summary>The user's locale from an attribute (user.locale, app.locale, …) on the span or its resource.</summary>
    public string? Locale { get; set; }
    public string? Model { get; set; }
    public string? PromptId { get; set; }
    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }
    public List<string> FinishReasons { get; } = [];
    public string? ToolName { get; set; }
    public string? ToolCallId { get; set; }
    public string? ToolArguments { get; set; }
    public string? ToolResult { get; set; }
    public bool IsError { get; set; }
    public string? ErrorMessage { get; set; }
    public bool Guardrail { get; set; }
    public bool CircuitBreaker { get; set; }
    public List<TraceMessage> Input { get; } = [];
    public List<TraceMessage> Output { get; } = [];
    public List<FeedbackEvent> Feedback { get; } = [];
}
