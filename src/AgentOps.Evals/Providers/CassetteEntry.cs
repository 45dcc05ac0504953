namespace AgentOps.Evals.Providers;

/// <summary>One recorded model call: enough to replay the response exactly, plus what a reviewer needs to read the diff.</summary>
public sealed record CassetteEntry
{
    /// <summary>The call's cassette key (see CassetteKey): model, messages, tools, options and trial index hashed.</summary>
    public required string Key { get; init; }
    /// <summary>The golden case the call was made for.</summary>
    public required string Case { get; init; }
    /// <summary>The trial index (0-based) within the case.</summary>
    public required int Trial { get; init; }
    /// <summary>The model the call asked for.</summary>
    public required string Model { get; init; }
    /// <summary>The last message sent, shortened: lets a reviewer see which turn this is.</summary>
    public string? Prompt { get; init; }
    /// <summary>The response text; null for a response that only called tools.</summary>
    public string? Text { get; init; }
    /// <summary>The tool calls the response made, in order.</summary>
    public IReadOnlyList<RecordedToolCall> ToolCalls { get; init; } = [];
    /// <summary>Why the model stopped, as the provider said it.</summary>
    public string? FinishReason { get; init; }
    /// <summary>The model id the provider reported answering (may be more specific than <see cref="Model"/>).</summary>
    public string? ResponseModel { get; init; }
    /// <summary>Input tokens the provider reported; replay charges cost from them.</summary>
    public long InputTokens { get; init; }
    /// <summary>Output tokens the provider reported; replay charges cost from them.</summary>
    public long OutputTokens { get; init; }
    /// <summary>How long the live call took; replay reports it as the trial's latency.</summary>
    public double LatencyMs { get; init; }
}

/// <summary>A tool call the model made in a recorded response.</summary>
public sealed record RecordedToolCall(string Id, string Name, string Arguments);
