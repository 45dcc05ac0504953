using System.Runtime.CompilerServices;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation;

/// <summary>
/// An evaluator that reads its assertion's fields once per spec into <typeparamref name="TArgs"/> and reuses them:
/// evaluators run tens of thousands of times, so regexes, schemas and pass reasons are built at most once per assertion.
/// </summary>
internal abstract class SpecEvaluator<TArgs> : IEvaluator where TArgs : class
{
    // Fields any assertion may carry that the runner or reports read, not the evaluator.
    private static readonly string[] CommonFields = ["description", "weight", "metric", "label", "id"];

    // Keyed by reference: a spec is created once by the loader and evaluated for every trial.
    private readonly ConditionalWeakTable<AssertionSpec, TArgs> _parsed = new();

    public abstract string Type { get; }

    /// <summary>The fields this assertion type reads; any other field is reported as unknown (a typo would otherwise fall back to a default silently).</summary>
    protected abstract IReadOnlyList<string> Fields { get; }

    /// <summary>Reads the spec's fields, adding a problem for each bad one; returns null when any problem was found.</summary>
    protected abstract TArgs? Parse(AssertionSpec spec, List<Problem> problems);

    protected abstract ValueTask<AssertionResult> EvaluateAsync(TArgs args, EvaluationContext context, CancellationToken cancellationToken);

    public IEnumerable<Problem> Validate(AssertionSpec spec)
    {
        var problems = new List<Problem>();
        Parse(spec, problems);
        foreach (var (name, _) in spec.Args)
        {
            if (!Contains(Fields, name) && !Contains(CommonFields, name))
                problems.Add(new Problem(spec.Location, name, $"unknown field for '{Type}'; expected {DescribeFields()}"));
        }
        return problems;
    }

    public ValueTask<AssertionResult> EvaluateAsync(AssertionSpec spec, EvaluationContext context, CancellationToken cancellationToken)
    {
        if (!_parsed.TryGetValue(spec, out var args))
        {
            var problems = new List<Problem>();
            args = Parse(spec, problems);
            if (args is null)
            {
                // The loader refuses such cases; a spec built in code can still reach here, and it must never pass.
                var first = problems.Count > 0 ? problems[0] : new Problem(spec.Location, "", "invalid assertion");
                return new(AssertionResult.Fail(Type, $"invalid assertion: {first.Field}: {first.Message}"));
            }
            args = _parsed.GetValue(spec, _ => args);
        }
        return EvaluateAsync(args, context, cancellationToken);
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
}
