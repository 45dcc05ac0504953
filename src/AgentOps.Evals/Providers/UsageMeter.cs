namespace AgentOps.Evals.Providers;

/// <summary>Adds up what a trial's model calls cost (charged by the cost meter) and the latency they had when recorded
/// (reported by recording and replay). Thread-safe: a custom target may call in parallel.</summary>
public sealed class UsageMeter
{
    private readonly Lock _lock = new();
    private UsageReading _total;

    /// <summary>Adds the USD one call cost.</summary>
    public void AddCost(decimal usd)
    {
        lock (_lock) _total = _total with { CostUsd = _total.CostUsd + usd };
    }

    /// <summary>Adds the latency a call had when it was recorded; replay reports it instead of its own.</summary>
    public void AddRecordedLatency(double milliseconds)
    {
        lock (_lock) _total = _total with { RecordedLatencyMs = _total.RecordedLatencyMs + milliseconds, RecordedCalls = _total.RecordedCalls + 1 };
    }

    /// <summary>The totals so far; subtract two readings to get what the calls in between added.</summary>
    public UsageReading Read()
    {
        lock (_lock) return _total;
    }

    /// <summary>USD charged so far (the same as <c>Read().CostUsd</c>).</summary>
    public decimal CostUsd => Read().CostUsd;
}

/// <summary>A meter's totals at one moment.</summary>
public readonly record struct UsageReading(decimal CostUsd, double RecordedLatencyMs, int RecordedCalls)
{
    /// <summary>What was added between two readings of the same meter, field by field.</summary>
    public static UsageReading operator -(UsageReading after, UsageReading before) =>
        new(after.CostUsd - before.CostUsd, after.RecordedLatencyMs - before.RecordedLatencyMs, after.RecordedCalls - before.RecordedCalls);
}
