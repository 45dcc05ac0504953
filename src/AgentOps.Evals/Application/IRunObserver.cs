using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>What a shell shows while a run works: its progress, and the recordings it saved. The library prints nothing.</summary>
public interface IRunObserver
{
    /// <summary>Runs <paramref name="run"/>, showing the progress it reports.</summary>
    Task<RunOutcome> WatchAsync(string candidate, Func<IProgress<RunProgress>?, Task<RunOutcome>> run);

    /// <summary>A cassette was written: <paramref name="calls"/> recorded calls of the candidate or, when <paramref name="judge"/>, of the judge.</summary>
    void Recorded(int calls, string path, bool judge);
}
