using System.Text.RegularExpressions;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Cases;

/// <summary>Stand-ins for the real evaluators: only their load-time checks matter to the loader.</summary>
internal sealed class TestEvaluator(string type, Func<AssertionSpec, IEnumerable<Problem>>? validate = null) : IAssertionType
{
    public string Type => type;

    public BoundAssertion? Bind(AssertionSpec spec, ICollection<Problem> problems)
    {
        var found = (validate?.Invoke(spec) ?? []).ToList();
        foreach (var problem in found) problems.Add(problem);
        return found.Count == 0 ? new LoadOnly(type, spec.Location) : null;
    }

    private sealed class LoadOnly(string type, SourceLocation location) : BoundAssertion(type, location)
    {
        protected internal override ValueTask<AssertionResult> CheckAsync(AssertionContext context, CancellationToken cancellationToken) =>
            throw new NotSupportedException("load-time stand-in");
    }

    public static EvaluatorRegistry Registry()
    {
        var registry = new EvaluatorRegistry();
        foreach (var type in new[] { "contains", "not-contains", "icontains", "equals", "llm-rubric", "max-latency-ms", "tool-called", "tool-not-called" })
            registry.Register(new TestEvaluator(type, RequireValue(type)));
        registry.Register(new TestEvaluator("regex", Regex));
        return registry;
    }

    private static Func<AssertionSpec, IEnumerable<Problem>>? RequireValue(string type) => type switch
    {
        "contains" or "not-contains" or "icontains" or "equals" or "max-latency-ms" => spec =>
            spec.Args["value"] is null ? [new Problem(spec.Location, "value", "missing field `value`")] : [],
        "tool-called" or "tool-not-called" => spec =>
            spec.Args["name"] is null ? [new Problem(spec.Location, "name", "missing field `name`, expected the tool name")] : [],
        _ => null,
    };

    private static IEnumerable<Problem> Regex(AssertionSpec spec)
    {
        var pattern = spec.GetString("value");
        if (pattern is null) return [new Problem(spec.Location, "value", "missing field `value`, expected a regular expression")];
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
            return [];
        }
        catch (ArgumentException e)
        {
            return [new Problem(spec.Location, "value", $"found a pattern that does not compile ({e.Message}), expected a .NET regular expression")];
        }
    }
}
