using AgentOps.Evals.Evaluation;

namespace AgentOps.Evals.Tests.Evaluation;

public class BuiltInEvaluatorsTests
{
    private static readonly string[] Documented =
    [
        "equals", "contains", "not-contains", "icontains", "starts-with", "regex", "one-of",
        "is-json", "json-schema", "json-path",
        "tool-called", "tool-not-called", "max-tool-calls", "tool-order",
        "max-latency-ms", "max-cost-usd", "max-output-tokens", "finish-reason", "no-refusal",
        "levenshtein", "rouge-l", "bleu", "token-f1", "similar",
        "not-equals", "not-icontains", "not-starts-with", "not-regex",
        "contains-any", "contains-all", "icontains-any", "icontains-all",
        "not-contains-any", "not-contains-all", "not-icontains-any", "not-icontains-all",
        "min-length", "max-length", "not-empty", "is-refusal", "is-valid-openai-tools-call", "javascript",
    ];

    [Fact]
    public void Every_documented_type_is_registered_exactly_once()
    {
        var types = BuiltInEvaluators.All().Select(e => e.Type).ToList();
        foreach (var type in Documented)
            Assert.Equal(1, types.Count(t => t == type));
        Assert.Equal(types.Count, types.Distinct().Count());
    }

    [Fact]
    public void The_default_registry_resolves_every_documented_type()
    {
        var registry = EvaluatorRegistry.CreateDefault();
        foreach (var type in Documented)
        {
            Assert.True(registry.TryGet(type, out var evaluator), type);
            Assert.Equal(type, evaluator.Type);
        }
    }
}
