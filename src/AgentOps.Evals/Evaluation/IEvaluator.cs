using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation;

/// <summary>One assertion type (<c>contains</c>, <c>tool-called</c>, …): checks its arguments at load time and judges a trial.</summary>
public interface IEvaluator
{
    /// <summary>The assertion type as written in case files.</summary>
    string Type { get; }

    /// <summary>Problems with the assertion's fields (missing value, regex that does not compile, …), found when the case loads.</summary>
    IEnumerable<Problem> Validate(AssertionSpec spec);

    /// <summary>Judges one trial's response.</summary>
    ValueTask<AssertionResult> EvaluateAsync(AssertionSpec spec, EvaluationContext context, CancellationToken cancellationToken);
}
