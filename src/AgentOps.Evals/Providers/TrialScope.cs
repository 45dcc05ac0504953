namespace AgentOps.Evals.Providers;

/// <summary>Which case, trial and candidate a model call belongs to, flowing with the async call so decorators
/// (recording, replay) can key calls without putting harness data into the request.</summary>
public sealed record TrialScope(string CaseId, int TrialIndex, string Candidate, bool IsJudge = false)
{
    private static readonly AsyncLocal<TrialScope?> s_current = new();

    /// <summary>The scope of the call in progress, if any.</summary>
    public static TrialScope? Current => s_current.Value;

    /// <summary>Sets the scope until the returned handle is disposed.</summary>
    public static IDisposable Enter(TrialScope scope)
    {
        var previous = s_current.Value;
        s_current.Value = scope;
        return new Restore(previous);
    }

    private sealed class Restore(TrialScope? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }
}
