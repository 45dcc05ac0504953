namespace AgentOps.Evals.Cli;

/// <summary>The exit codes every command shares (DESIGN.md, Commands).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Fail = 1;
    public const int BadInput = 2;
    public const int Inconclusive = 3;
}
