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

    /// <summary>Every built-in evaluator.</summary>
    public static EvaluatorRegistry CreateDefault()
    {
        var registry = new EvaluatorRegistry();
        foreach (var evaluator in BuiltInEvaluators.All())
            registry.Register(evaluator);
        return registry;
    }
}
