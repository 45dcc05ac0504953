using System.Diagnostics;

namespace AgentOps.Evals.Telemetry;

/// <summary>One span per case of a run, parent of its trials: opened when the case's first trial starts and closed
/// when its last trial finishes, whichever worker runs them.</summary>
internal sealed class CaseSpans(ActivityContext run, IReadOnlyDictionary<string, int> trialsLeft) : IDisposable
{
    private readonly Dictionary<string, (Activity? Span, int Left)> _open = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The case's span context, opening the span on first use; default when nothing listens.</summary>
    public ActivityContext Enter(string caseId)
    {
        if (!EvalTelemetry.Source.HasListeners()) return default;
        lock (_lock)
        {
            if (!_open.TryGetValue(caseId, out var entry))
            {
                // Started without becoming Activity.Current: the worker's own flow must not inherit it by accident.
                var previous = Activity.Current;
                var span = EvalTelemetry.Source.StartActivity("eval.case " + caseId, ActivityKind.Internal, run);
                Activity.Current = previous;
                span?.SetTag("agentops.case.id", caseId);
                entry = (span, trialsLeft.GetValueOrDefault(caseId, 1));
                _open[caseId] = entry;
            }
            return entry.Span?.Context ?? default;
        }
    }

    /// <summary>Counts a finished trial; the case's span ends with its last.</summary>
    public void Leave(string caseId, Running.TrialOutcome outcome)
    {
        lock (_lock)
        {
            if (!_open.TryGetValue(caseId, out var entry)) return;
            if (outcome != Running.TrialOutcome.Passed) entry.Span?.SetTag("agentops.case.failed_or_error", true);
            if (--entry.Left > 0)
            {
                _open[caseId] = entry;
                return;
            }
            entry.Span?.Stop();
            _open[caseId] = (null, 0);
        }
    }

    /// <summary>Ends the spans of cases cut short (a cancelled run).</summary>
    public void Dispose()
    {
        lock (_lock)
            foreach (var (_, entry) in _open) entry.Span?.Stop();
    }
}
