using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation;

/// <summary>An <c>expect</c> entry after loading: fields parsed and checked once, what it needs known; scores any number of trials.</summary>
public abstract class BoundAssertion(string type, SourceLocation location)
{
    /// <summary>The assertion type, e.g. <c>contains</c>.</summary>
    public string Type { get; } = type;

    /// <summary>Where the entry stands in its case file.</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>True when scoring asks the judge model, so a run builds a judge only when a selected case needs one.</summary>
    public virtual bool NeedsJudge => false;

    /// <summary>True when the assertion grades against the case's <c>input.context</c>; a case without one is refused at load.</summary>
    public virtual bool NeedsContext => false;

    /// <summary>Judges one trial's response.</summary>
    public abstract ValueTask<AssertionResult> EvaluateAsync(AssertionContext context, CancellationToken cancellationToken);
}
