using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.ModelGraded;

/// <summary>Builds an evaluation context with a judge, and runs a model-graded assertion written as in a case file.</summary>
internal static class JudgeTrial
{
    private static readonly EvaluatorRegistry Registry = EvaluatorRegistry.CreateDefault();

    public static GoldenCase Case(IReadOnlyList<string>? context = null, IReadOnlyList<MockTool>? tools = null) => new()
    {
        Id = "refunds-eu-012",
        Input = new CaseInput([new CaseMessage("user", "Can I send my order back after 30 days? I live in Germany.")], new Dictionary<string, string>(), context ?? [], tools ?? []),
    };

    public static AssertionContext Context(string output, IChatClient? judge, GoldenCase? goldenCase = null, IReadOnlyList<ToolCallRecord>? calls = null) =>
        new(goldenCase ?? Case(), new TargetResponse(output, new Trajectory([], calls ?? []), TokenUsage.Zero, 900, "stop", "gpt-test"),
            new CandidateIdentity("prod", "gpt-test", "abcd1234", "replay", "0.1.0"), 2) { Judge = judge };

    public static AssertionSpec Spec(string type, string argsJson) =>
        new(type, System.Text.Json.Nodes.JsonNode.Parse(argsJson)!.AsObject(), new SourceLocation("golden-set/refunds/refunds-eu-012.yaml", 20, 5));

    public static async Task<AssertionResult> Evaluate(string type, string argsJson, AssertionContext context)
    {
        Assert.True(Registry.TryGet(type, out var evaluator), type);
        var problems = new List<Problem>();
        var bound = evaluator.Bind(Spec(type, argsJson), problems);
        Assert.Empty(problems);
        return await bound!.EvaluateAsync(context, CancellationToken.None);
    }
}
