using AgentOps.Evals.Config;

namespace AgentOps.Evals.Harvesting;

/// <summary>The few numbers the first pass keeps per trace, so flagging a multi-GB batch needs no message text in memory.</summary>
internal sealed class TraceSummary(string traceId)
{
    public string TraceId { get; } = traceId;
    public string? SessionId { get; set; }
    public string? UserId { get; set; }
    public string? Tier { get; set; }
    public string? Locale { get; set; }
    public string? Model { get; set; }
    public string? PromptId { get; set; }
    public ulong FirstStart { get; set; } = ulong.MaxValue;

    /// <summary>Where the trace was last seen, (file index &lt;&lt; 32) | line: the second pass knows a session is whole once past it.</summary>
    public long LastSeen { get; set; }
    public int ModelCalls { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public decimal Cost { get; set; }
    public bool LengthStop { get; set; }
    public bool Guardrail { get; set; }
    public bool CircuitBreaker { get; set; }
    // Most traces have no feedback and few tool runs: the lists are made on first use, a batch holds one summary per trace.
    private List<(ulong Start, bool Error)>? toolRuns;
    private List<FeedbackEvent>? feedback;

    public IReadOnlyList<(ulong Start, bool Error)> ToolRuns => toolRuns ?? [];
    public IReadOnlyList<FeedbackEvent> Feedback => feedback ?? [];

    public void AddFeedback(IReadOnlyCollection<FeedbackEvent> events)
    {
        if (events.Count > 0) (feedback ??= []).AddRange(events);
    }

    public void Add(SpanFacts facts, IReadOnlyDictionary<string, ModelPrice> pricing)
    {
        SessionId ??= facts.SessionId;
        UserId ??= facts.UserId;
        Tier ??= facts.Tier;
        Locale ??= facts.Locale;
        PromptId ??= facts.PromptId;
        if (facts.Start > 0 && facts.Start < FirstStart) FirstStart = facts.Start;
        if (facts.Kind == SpanKind.ModelCall)
        {
            ModelCalls++;
            Model ??= facts.Model;
            InputTokens += facts.InputTokens ?? 0;
            OutputTokens += facts.OutputTokens ?? 0;
            if (facts.Model is { } model && pricing.TryGetValue(model, out var price))
                Cost += price.Cost(facts.InputTokens ?? 0, facts.OutputTokens ?? 0);
        }
        if (facts.Kind == SpanKind.ToolCall) (toolRuns ??= []).Add((facts.Start, facts.IsError));
        AddFinishReasons(facts.FinishReasons);
        Guardrail |= facts.Guardrail;
        CircuitBreaker |= facts.CircuitBreaker;
        AddFeedback(facts.Feedback);
    }

    public void AddFinishReasons(IEnumerable<string> reasons)
    {
        foreach (var reason in reasons)
        {
            if (IsLengthStop(reason)) LengthStop = true;
        }
    }

    public static bool IsLengthStop(string reason) =>
        reason.ToLowerInvariant() is "length" or "max_tokens" or "max-tokens" or "max_output_tokens" or "model_length" or "token_limit";
}
