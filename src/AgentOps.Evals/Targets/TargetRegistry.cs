namespace AgentOps.Evals.Targets;

/// <summary>In-process targets by the name a candidate's <c>target:</c> uses, beside the built-in chat and http targets.</summary>
public sealed class TargetRegistry
{
    private readonly Dictionary<string, ITargetFactory> _factories = new(StringComparer.Ordinal);

    /// <summary>Built-in target names a registration may not take.</summary>
    public static readonly IReadOnlyList<string> BuiltIn = ["chat", "http"];

    /// <summary>Registers (or replaces) a factory under <paramref name="name"/>.</summary>
    public TargetRegistry Register(string name, ITargetFactory factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (BuiltIn.Contains(name)) throw new ArgumentException($"'{name}' is a built-in target; register yours under another name", nameof(name));
        _factories[name] = factory;
        return this;
    }

    /// <summary>Registers a target that needs no pipeline (e.g. an object already built in a test) under <paramref name="name"/>.</summary>
    public TargetRegistry Register(string name, ITarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Register(name, new FixedTargetFactory(target));
    }

    /// <summary>Registers a target built from the candidate's pipeline by <paramref name="create"/>.</summary>
    public TargetRegistry Register(string name, Func<TargetContext, ITarget> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return Register(name, new DelegateTargetFactory(create));
    }

    /// <summary>The factory registered under <paramref name="name"/>, if any.</summary>
    public bool TryGet(string name, out ITargetFactory factory) => _factories.TryGetValue(name, out factory!);

    /// <summary>Every registered name, sorted (for error messages).</summary>
    public IEnumerable<string> Names => _factories.Keys.Order(StringComparer.Ordinal);

    private sealed class FixedTargetFactory(ITarget target) : ITargetFactory
    {
        public ITarget Create(TargetContext context) => target;
    }

    private sealed class DelegateTargetFactory(Func<TargetContext, ITarget> create) : ITargetFactory
    {
        public ITarget Create(TargetContext context) => create(context);
    }
}
