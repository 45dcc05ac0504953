using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Evaluation;

/// <summary>Runs one assertion, written as in a case file, through the built-in registry.</summary>
internal static class Check
{
    public static readonly SourceLocation Where = new("golden-set/refunds/refunds-eu-012.yaml", 14, 5);

    private static readonly EvaluatorRegistry Registry = EvaluatorRegistry.CreateDefault();

    public static AssertionSpec Spec(string type, string argsJson = "{}") =>
        new(type, JsonNode.Parse(argsJson)!.AsObject(), Where);

    public static IAssertionType Evaluator(string type) =>
        Registry.TryGet(type, out var evaluator) ? evaluator : throw new InvalidOperationException($"no evaluator '{type}'");

    public static async Task<AssertionResult> Evaluate(string type, string argsJson, Trial trial)
    {
        var result = await Bind(type, argsJson).EvaluateAsync(trial.ToContext(), CancellationToken.None);
        Assert.Equal(type, result.Type);
        return result;
    }

    /// <summary>The assertion bound as the loader binds it; asserts it binds without a problem.</summary>
    public static BoundAssertion Bind(string type, string argsJson)
    {
        var problems = new List<Problem>();
        var bound = Evaluator(type).Bind(Spec(type, argsJson), problems);
        Assert.Empty(problems);
        return Assert.IsAssignableFrom<BoundAssertion>(bound);
    }

    public static List<Problem> Validate(string type, string argsJson) => [.. Evaluator(type).Validate(Spec(type, argsJson))];

    /// <summary>Asserts exactly one problem, on <paramref name="field"/>, located at the assertion, mentioning <paramref name="fragment"/>.</summary>
    public static void SingleProblem(string type, string argsJson, string field, string fragment)
    {
        var problems = Validate(type, argsJson);
        var problem = Assert.Single(problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal(Where, problem.Location);
        Assert.Contains(fragment, problem.Message);
    }
}
