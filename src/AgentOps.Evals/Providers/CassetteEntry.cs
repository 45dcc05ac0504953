namespace AgentOps.Evals.Providers;

/// <summary>One recorded model call: enough to replay the response exactly, plus what a reviewer needs to read the diff.</summary>
public sealed record CassetteEntry
{
    public required string Key { get; init; }
    public required string Case { get; init; }
    public required int Trial { get; init; }
    public required string Model { get; init; }
    /// <summary>The last message sent, shortened: lets a reviewer see which turn this is.</summary>
    public string? Prompt { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<RecordedToolCall> ToolCalls { get; init; } = [];
    public string? FinishReason { get; init; }
    public string? ResponseModel { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public double LatencyMs { get; init; }
}

/// <summary>A tool call the model made in a recorded response.</summary>
public sealed record RecordedToolCall(string Id, string Name, string Arguments);
