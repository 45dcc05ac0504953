using AgentOps.Evals.SourceControl;

namespace AgentOps.Evals.Application;

/// <summary>The commit and branch a run was made on, from CI variables or git, for "last green on main".</summary>
internal static class GitInfo
{
    // Asked once per process: a gate makes two runs and the xunit adapter one per case, all on the same checkout.
    private static readonly Lazy<(string? Commit, string? Branch)> s_current = new(() => (
        Environment.GetEnvironmentVariable("GITHUB_SHA") ?? Environment.GetEnvironmentVariable("BUILD_SOURCEVERSION") ?? Line("rev-parse HEAD"),
        Environment.GetEnvironmentVariable("GITHUB_REF_NAME") ?? Environment.GetEnvironmentVariable("BUILD_SOURCEBRANCHNAME") ?? Line("rev-parse --abbrev-ref HEAD")));

    public static (string? Commit, string? Branch) Current() => s_current.Value;

    private static string? Line(string arguments) => Git.Run(arguments)?.Trim() is { Length: > 0 } output ? output : null;
}
