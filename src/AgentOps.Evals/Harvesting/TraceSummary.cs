using AgentOps.Evals.Config;

namespace AgentOps.Evals.Harvesting;

/// <summary>The few numbers the first pass keeps per trace, so flagging a multi-GB batch needs no message text in memory.</summary>
internal sealed class TraceSummary(string traceId)
{
    public string TraceId { get; } = traceId;
    public string? SessionId { get; set; }
    public string? UserId { get; set; }
    public string? Tier { get; set; }
    public string? Model { get; set; }
    public string? PromptId { get; set; }
    public ulong FirstStart { get; set; } = ulong.MaxValue;
    public int ModelCalls { get; set; }
    public long InputTokens { get; set; }
    public long OutputTokens { get; set; }
    public decimal Cost { get; set; }
    public bool LengthStop { get; set; }
    public bool Guardrail { get; set; }
    public bool CircuitBreaker { get; set; }
    public List<(ulong Start, bool Error)> ToolRuns { get; } = [];
    public List<FeedbackEvent> Feedback { get; } = [];

    public void Add(SpanFacts facts, IReadOnlyDictionary<string, ModelPrice> pricing)
    {
        SessionId ??= facts.SessionId;
        UserId ??= facts.UserId;
        Tier ??= facts.Tier;
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
        if (facts.Kind == SpanKind.ToolCall) ToolRuns.Add((facts.Start, facts.IsError));
        AddFinishReasons(facts.FinishReasons);
        Guardrail |= facts.Guardrail;
        CircuitBreaker |= facts.CircuitBreaker;
        Feedback.AddRange(facts.Feedback);
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
