namespace AgentOps.Evals.Judging;

/// <summary>Judge spend of the trial in progress: judge calls add to it, the runner reads it into the trial's
/// <see cref="Running.TokenUsage.JudgeCostUsd"/> so judge cost never mixes with the candidate's.</summary>
internal sealed class JudgeSpend
{
    private static readonly AsyncLocal<JudgeSpend?> s_current = new();
    private long _microCents;

    public static JudgeSpend? Current => s_current.Value;

    public decimal CostUsd => Interlocked.Read(ref _microCents) / 100_000_000m;

    /// <summary>Starts counting for the current async flow until the handle is disposed.</summary>
    public static IDisposable Begin(out JudgeSpend spend)
    {
        var previous = s_current.Value;
        spend = new JudgeSpend();
        s_current.Value = spend;
        return new Restore(previous);
    }

    public void Add(decimal usd) => Interlocked.Add(ref _microCents, (long)decimal.Round(usd * 100_000_000m));

    private sealed class Restore(JudgeSpend? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
