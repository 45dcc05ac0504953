using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Targets;

/// <summary>One trial's trajectory as an in-process agent makes it: every model call (a turn) and every mocked tool call,
/// with cost and recorded latency read from the trial's meter, as the chat target records them. Thread-safe.</summary>
internal sealed class TrajectoryRecorder(TrialContext trial, int maxToolIterations)
{
    private readonly Lock _lock = new();
    private readonly List<ModelTurn> _turns = [];
    private readonly List<ToolCallRecord> _calls = [];
    private long _input, _output;
    private decimal _cost;
    private double _latency;
    private int _replyStart;

    public TrialContext Trial { get; } = trial;

    /// <summary>The index the next model call gets; also the turn a tool call belongs to (the call that asked for it).</summary>
    public int CurrentTurn
    {
        get { lock (_lock) return Math.Max(0, _turns.Count - 1); }
    }

    /// <summary>How many model calls were recorded so far.</summary>
    public int TurnCount
    {
        get { lock (_lock) return _turns.Count; }
    }

    /// <summary>True once the agent asked the model more than max-tool-iterations + 1 times.</summary>
    public bool CircuitBroken { get; private set; }

    /// <summary>Starts the agent's next reply: the tool-iteration limit counts the model calls of one reply, as the chat
    /// target's loop does, so a long conversation is not cut for its length.</summary>
    public void StartReply()
    {
        lock (_lock) _replyStart = _turns.Count;
    }

    /// <summary>Refuses a model call once the circuit is broken (or past the limit), so a looping agent ends as a failed trial.</summary>
    public void BeforeCall()
    {
        lock (_lock)
        {
            if (CircuitBroken || _turns.Count - _replyStart > maxToolIterations) Break();
        }
    }

    /// <summary>Refuses a tool call asked for on turn max-tool-iterations or later: the chat target's limit, the same trial outcome.</summary>
    public void BeforeToolCall()
    {
        lock (_lock)
        {
            if (_turns.Count - 1 - _replyStart >= maxToolIterations) Break();
        }
    }

    private void Break()
    {
        CircuitBroken = true;
        throw new CircuitBreakException(maxToolIterations);
    }

    public void AddTurn(string model, long input, long output, UsageReading charged, double elapsedMs, string? finishReason)
    {
        var latency = charged.RecordedCalls > 0 ? charged.RecordedLatencyMs : elapsedMs;
        lock (_lock)
        {
            _turns.Add(new ModelTurn(_turns.Count, model, input, output, Math.Round(latency, 2), finishReason));
            _input += input;
            _output += output;
            _cost += charged.CostUsd;
            _latency += latency;
        }
    }

    public void AddToolCall(ToolCallRecord call)
    {
        lock (_lock) _calls.Add(call);
    }

    public Trajectory Trajectory()
    {
        lock (_lock) return new Trajectory([.. _turns], [.. _calls]);
    }

    public TokenUsage Usage()
    {
        lock (_lock) return new TokenUsage(_input, _output, _cost);
    }

    public double LatencyMs
    {
        get { lock (_lock) return _latency; }
    }

    public string? LastModel
    {
        get { lock (_lock) return _turns.Count == 0 ? null : _turns[^1].ModelId; }
    }

    public string? LastFinishReason
    {
        get { lock (_lock) return _turns.Count == 0 ? null : _turns[^1].FinishReason; }
    }
}

/// <summary>Thrown into an in-process agent's model call when it passed run.max-tool-iterations; the target turns it into a circuit-broken trial.</summary>
internal sealed class CircuitBreakException(int limit) : Exception($"the agent kept calling tools past run.max-tool-iterations ({limit})");
