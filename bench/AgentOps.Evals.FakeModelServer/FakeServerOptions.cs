namespace AgentOps.Evals.FakeModelServer;

/// <summary>How the fake model server listens, answers and fails.</summary>
public sealed record FakeServerOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Delay added before every reply, in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>The scripted agent; when null, <see cref="RulesFile"/> is loaded, else only the default reply is served.</summary>
    public FakeAgentRules? Rules { get; init; }

    /// <summary>Path of a rules YAML file, used when <see cref="Rules"/> is null.</summary>
    public string? RulesFile { get; init; }

    /// <summary>Reply when no rule matches; overrides the rules file's <c>default-reply</c>.</summary>
    public string? DefaultReply { get; init; }

    /// <summary>When true, a text reply longer than the request's max_tokens is cut and ends with finish_reason <c>length</c>.</summary>
    public bool MaxTokensStop { get; init; } = true;

    /// <summary>Share of requests answered 429 with Retry-After (0..1).</summary>
    public double RateLimitRate { get; init; }

    /// <summary>Seconds sent in Retry-After (rounded up) and, exactly, in retry-after-ms.</summary>
    public double RetryAfterSeconds { get; init; } = 1;

    /// <summary>Share of requests answered 500 (0..1).</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of requests never answered until the client disconnects (0..1).</summary>
    public double HangRate { get; init; }

    /// <summary>Share of requests answered 200 with a broken JSON body (0..1).</summary>
    public double MalformedRate { get; init; }

    /// <summary>Requests per second the server admits (a bucket of <see cref="LimitBurstSeconds"/> of them); beyond it, 429 with
    /// retry-after, retry-after-ms and x-ratelimit-* headers like OpenAI's. 0: no limit.</summary>
    public double LimitRequestsPerSecond { get; init; }

    /// <summary>Tokens per minute (prompt + completion, charged on arrival) the server admits; 0: no limit.</summary>
    public double LimitTokensPerMinute { get; init; }

    /// <summary>Seconds of the limit's rate each bucket holds when full.</summary>
    public double LimitBurstSeconds { get; init; } = 1;

    /// <summary>Seed of the fault draws, so a run's faults repeat.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Clock for the latency delay and the <c>created</c> timestamps.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
