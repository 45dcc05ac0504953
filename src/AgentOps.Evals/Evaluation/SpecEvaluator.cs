using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation;

/// <summary>
/// An evaluator that reads its assertion's fields into <typeparamref name="TArgs"/> when the case loads and keeps them
/// in the bound assertion: evaluators run tens of thousands of times, so regexes, schemas and pass reasons are built once.
/// </summary>
internal abstract class SpecEvaluator<TArgs> : IAssertionType where TArgs : class
{
    public abstract string Type { get; }

    /// <summary>The fields this assertion type reads; any other field is reported as unknown (a typo would otherwise fall back to a default silently).</summary>
    protected abstract IReadOnlyList<string> Fields { get; }

    /// <summary>True when the assertion asks the judge model.</summary>
    protected virtual bool NeedsJudge => false;

    /// <summary>True when the assertion grades against the case's <c>input.context</c>.</summary>
    protected virtual bool NeedsContext => false;

    /// <summary>Whether this bound entry asks the judge; by default the same for every entry of the type.</summary>
    protected virtual bool NeedsJudgeFor(TArgs args) => NeedsJudge;

    /// <summary>Reads the spec's fields, adding a problem for each bad one; returns null when any problem was found.</summary>
    protected abstract TArgs? Parse(AssertionSpec spec, List<Problem> problems);

    protected abstract ValueTask<AssertionResult> EvaluateAsync(TArgs args, AssertionContext context, CancellationToken cancellationToken);

    public BoundAssertion? Bind(AssertionSpec spec, ICollection<Problem> problems)
    {
        var found = new List<Problem>();
        var args = Parse(spec, found);
        spec.CheckKnownFields(Type, Fields, found);
        foreach (var problem in found)
            problems.Add(problem);
        return found.Count == 0 && args is not null ? new Bound(this, spec.Location, args) : null;
    }

    /// <summary>The parsed fields and the evaluator that reads them.</summary>
    private sealed class Bound(SpecEvaluator<TArgs> evaluator, SourceLocation location, TArgs args) : BoundAssertion(evaluator.Type, location)
    {
        public override bool NeedsJudge { get; } = evaluator.NeedsJudgeFor(args);

        public override bool NeedsContext => evaluator.NeedsContext;

        protected internal override ValueTask<AssertionResult> CheckAsync(AssertionContext context, CancellationToken cancellationToken) =>
            evaluator.EvaluateAsync(args, context, cancellationToken);
    }
}
