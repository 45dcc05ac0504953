using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>The observer for callers that show nothing (tests, the xunit adapter).</summary>
internal sealed class SilentRunObserver : IRunObserver
{
    public static readonly SilentRunObserver Instance = new();

    public Task<RunOutcome> WatchAsync(string candidate, Func<IProgress<RunProgress>?, Task<RunOutcome>> run) => run(null);

    public void Recorded(int calls, string path, bool judge) { }
}
