using AgentOps.Evals.SourceControl;

namespace AgentOps.Evals.Cli;

/// <summary>The commit and branch a run was made on, from CI variables or git, for "last green on main".</summary>
internal static class GitInfo
{
    public static string? Commit() => Environment.GetEnvironmentVariable("GITHUB_SHA") ?? Environment.GetEnvironmentVariable("BUILD_SOURCEVERSION") ?? Line("rev-parse HEAD");

    public static string? Branch() => Environment.GetEnvironmentVariable("GITHUB_REF_NAME") ?? Environment.GetEnvironmentVariable("BUILD_SOURCEBRANCHNAME") ?? Line("rev-parse --abbrev-ref HEAD");

    private static string? Line(string arguments) => Git.Run(arguments)?.Trim() is { Length: > 0 } output ? output : null;
}
