using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation.Meai;

namespace AgentOps.Evals.Evaluation;

/// <summary>The assertion types a run knows, by name. Adding a type = one evaluator file + one line in <see cref="CreateDefault"/>.</summary>
public sealed class EvaluatorRegistry
{
    private readonly Dictionary<string, IAssertionType> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RegisteredEvaluator> _meai = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces an evaluator (a team's custom .NET assertion, for instance).</summary>
    public EvaluatorRegistry Register(IAssertionType evaluator)
    {
        _byType[evaluator.Type] = evaluator;
        return this;
    }

    /// <summary>Makes a Microsoft.Extensions.AI.Evaluation evaluator usable in case files as
    /// <c>{type: evaluator, name: <paramref name="name"/>, metric: …, min: …}</c>.</summary>
    /// <param name="name">The name case files give in the assertion's <c>name:</c> field; registering it again replaces the earlier one.</param>
    /// <param name="evaluator">The MEAI evaluator; its metrics are read by the assertion's <c>metric:</c> field.</param>
    /// <param name="needsJudge">True when it asks a model; it then gets the run's judge through <c>ChatConfiguration</c>.</param>
    public EvaluatorRegistry RegisterEvaluator(string name, Microsoft.Extensions.AI.Evaluation.IEvaluator evaluator, bool needsJudge = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(evaluator);
        _meai[name] = new RegisteredEvaluator(name, evaluator, needsJudge);
        if (!_byType.ContainsKey(EvaluatorAssertionType.TypeName))
            Register(new EvaluatorAssertionType(this));
        return this;
    }

    /// <summary>Finds the MEAI evaluator registered under <paramref name="name"/>.</summary>
    public bool TryGetEvaluator(string name, out RegisteredEvaluator registered) => _meai.TryGetValue(name, out registered!);

    /// <summary>The names MEAI evaluators are registered under.</summary>
    public IReadOnlyCollection<string> EvaluatorNames => _meai.Keys;

    /// <summary>Finds the assertion type whose YAML <c>type:</c> is <paramref name="type"/>.</summary>
    public bool TryGet(string type, out IAssertionType evaluator) => _byType.TryGetValue(type, out evaluator!);

    /// <summary>Every assertion type name the registry knows (built-ins and registered ones), for error messages that list the choices.</summary>
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
        // Present even before any MEAI evaluator is registered, so `{type: evaluator, name: x}` says "unknown evaluator 'x'".
        registry.Register(new EvaluatorAssertionType(registry));
        return registry;
    }
}
