namespace AgentOps.Evals.Harvesting;

/// <summary>A user's or evaluator's verdict on a session: from the feedback JSONL, an OpenInference annotation or a <c>gen_ai.evaluation.result</c> event.</summary>
internal sealed record FeedbackEvent(
    string? SessionId,
    string? MessageId,
    bool Negative,
    string? Category,
    string? Comment,
    DateTimeOffset? Timestamp,
    string? PromptHash,
    string? ModelId,
    string Origin);
