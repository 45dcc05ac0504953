using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Cases;

/// <summary>What loading a golden set found: the cases that loaded cleanly (sorted by id) and every problem.</summary>
internal sealed record GoldenSetLoadResult(IReadOnlyList<GoldenCase> Cases, IReadOnlyList<Problem> Problems)
{
    public bool HasProblems => Problems.Count > 0;

    /// <summary>The cases, or an <see cref="InputException"/> carrying every problem.</summary>
    public IReadOnlyList<GoldenCase> CasesOrThrow() => HasProblems ? throw new InputException(Problems) : Cases;
}
