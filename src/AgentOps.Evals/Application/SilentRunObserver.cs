using AgentOps.Evals.Running;

namespace AgentOps.Evals.Application;

/// <summary>The observer for callers that show nothing (tests, the xunit adapter).</summary>
internal sealed class SilentRunObserver : IRunObserver
{
    /// <inheritdoc />
    public static readonly SilentRunObserver Instance = new();

    /// <inheritdoc />
    public Task<RunOutcome> WatchAsync(string candidate, Func<IProgress<RunProgress>?, Task<RunOutcome>> run) => run(null);

    /// <inheritdoc />
    public void Recorded(int calls, string path, bool judge) { }
}
