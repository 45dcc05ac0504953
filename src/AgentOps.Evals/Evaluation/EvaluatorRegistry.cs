using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Evaluation;

/// <summary>The assertion types a run knows, by name. Adding a type = one evaluator file + one line in <see cref="CreateDefault"/>.</summary>
public sealed class EvaluatorRegistry
{
    private readonly Dictionary<string, IEvaluator> _byType = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces an evaluator (a team's custom .NET assertion, for instance).</summary>
    public EvaluatorRegistry Register(IEvaluator evaluator)
    {
        _byType[evaluator.Type] = evaluator;
        return this;
    }

    public bool TryGet(string type, out IEvaluator evaluator) => _byType.TryGetValue(type, out evaluator!);

    public IReadOnlyCollection<string> Types => _byType.Keys;

    /// <summary>The spec's binding: the one the loader made, else one made now (a spec built in code). A spec that
    /// cannot be bound gets an assertion that never passes: unknown type = infrastructure error, bad field = failure.</summary>
    public BoundAssertion Bind(AssertionSpec spec)
    {
        if (spec.Bound is { } bound)
            return bound;
        if (!_byType.TryGetValue(spec.Type, out var evaluator))
            return new UnusableAssertion(spec.Type, spec.Location, $"unknown assertion type '{spec.Type}'", infraError: true);
        var problems = new List<Problem>();
        if (evaluator.Bind(spec, problems) is { } made && problems.Count == 0)
            return made;
        var first = problems.Count > 0 ? problems[0] : new Problem(spec.Location, "", "invalid assertion");
        return new UnusableAssertion(spec.Type, spec.Location, $"invalid assertion: {first.Field}: {first.Message}", infraError: false);
    }

    /// <summary>Every built-in evaluator.</summary>
    public static EvaluatorRegistry CreateDefault()
    {
        var registry = new EvaluatorRegistry();
        foreach (var evaluator in BuiltInEvaluators.All())
            registry.Register(evaluator);
        return registry;
    }
}
