using AgentOps.Evals.Cases;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Evaluation;

/// <summary>A trial's response as an evaluator sees it, built from just the parts a test cares about.</summary>
internal sealed record Trial
{
    public string Output { get; init; } = "";
    public IReadOnlyList<ToolCallRecord> ToolCalls { get; init; } = [];
    public TokenUsage Usage { get; init; } = TokenUsage.Zero;
    public double LatencyMs { get; init; } = 1200;
    public string? FinishReason { get; init; } = "stop";
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }

    public static Trial Answer(string output) => new() { Output = output };

    public static Trial Calls(params (string Name, string ArgsJson)[] calls) => new()
    {
        Output = "done",
        ToolCalls = [.. calls.Select((c, i) => new ToolCallRecord(i, c.Name, c.ArgsJson, "{}"))],
    };

    public AssertionContext ToContext()
    {
        var @case = new GoldenCase
        {
            Id = "refunds-eu-012",
            Input = new CaseInput([new CaseMessage("user", "Can I send my order back after 30 days?")], new Dictionary<string, string>(), [], []),
        };
        var response = new TargetResponse(Output, new Trajectory([], ToolCalls), Usage, LatencyMs, FinishReason, "gpt-test");
        var candidate = new CandidateIdentity("prod", "gpt-test", "abcd1234", "replay", "0.1.0");
        return new AssertionContext(@case, response, candidate, 0) { Embeddings = Embeddings };
    }
}
