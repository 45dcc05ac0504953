namespace AgentOps.Evals.Application;

/// <summary>A clean golden set and config, counted: what <c>validate</c> reports when nothing is wrong.</summary>
public sealed record ValidationSummary(int Cases, int ActiveCases, int Suites, int Candidates, int Providers);
