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
    // Fields any assertion may carry that the runner or reports read, not the evaluator.
    private static readonly string[] CommonFields = ["description", "weight", "metric", "label", "id"];

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
        foreach (var (name, _) in spec.Args)
        {
            if (!Contains(Fields, name) && !Contains(CommonFields, name))
                found.Add(new Problem(spec.Location, name, $"unknown field for '{Type}'; expected {DescribeFields()}"));
        }
        foreach (var problem in found)
            problems.Add(problem);
        return found.Count == 0 && args is not null ? new Bound(this, spec.Location, args) : null;
    }

    private string DescribeFields() =>
        Fields.Count == 0 ? "no fields" : "one of: " + string.Join(", ", Fields);

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>The parsed fields and the evaluator that reads them.</summary>
    private sealed class Bound(SpecEvaluator<TArgs> evaluator, SourceLocation location, TArgs args) : BoundAssertion(evaluator.Type, location)
    {
        public override bool NeedsJudge { get; } = evaluator.NeedsJudgeFor(args);

        public override bool NeedsContext => evaluator.NeedsContext;

        public override ValueTask<AssertionResult> EvaluateAsync(AssertionContext context, CancellationToken cancellationToken) =>
            evaluator.EvaluateAsync(args, context, cancellationToken);
    }
}
