using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>A run's progress as plain lines for logs (CI, redirected output): one line at most every few seconds, and the last one,
/// so a log stays readable however many trials finish.</summary>
public sealed class RunProgressLines(string label, TextWriter output, TimeSpan? interval = null, TimeProvider? time = null) : IProgress<RunProgress>
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly long _start = (time ?? TimeProvider.System).GetTimestamp();
    private readonly long _intervalMs = (long)(interval ?? TimeSpan.FromSeconds(5)).TotalMilliseconds;
    private long _lastMs = -1;
    private int _lastDone = -1;

    /// <inheritdoc />
    public void Report(RunProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var now = (long)_time.GetElapsedTime(_start).TotalMilliseconds;
        var last = Interlocked.Read(ref _lastMs);
        var final = value.Done >= value.Total;
        if (!final && last >= 0 && now - last < _intervalMs) return;
        if (Interlocked.CompareExchange(ref _lastMs, now, last) != last) return;
        if (final && Interlocked.Exchange(ref _lastDone, value.Done) == value.Done) return;
        var percent = value.Total == 0 ? 100 : 100 * value.Done / value.Total;
        output.WriteLine($"[{label}] {value.Done}/{value.Total} trials ({percent}%): {value.Passed} passed, {value.Failed} failed, {value.InfraErrors} infrastructure errors");
    }
}
