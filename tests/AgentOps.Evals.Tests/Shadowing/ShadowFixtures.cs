using AgentOps.Evals.Running;
using AgentOps.Evals.Shadowing;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Shadowing;

/// <summary>Builds shadow comparisons from plain numbers and texts, so the rules are tested without a model.</summary>
internal static class ShadowFixtures
{
    public static TrialResult Trial(string caseId, int index, string output, decimal cost = 0.001m, double latency = 800, string? tool = null) => new()
    {
        RunId = "run",
        CaseId = caseId,
        TrialIndex = index,
        Outcome = TrialOutcome.Passed,
        Output = output,
        Usage = new TokenUsage(100, 20, cost),
        LatencyMs = latency,
        FinishReason = "stop",
        Trajectory = tool is null ? Trajectory.Empty : new Trajectory([], [new ToolCallRecord(0, tool, "{\"order_id\":\"A-1\"}", "{}")]),
    };

    public static SideFigures Side(string caseId, IReadOnlyList<string> outputs, decimal cost = 0.001m, double latency = 800, string? tool = null) =>
        SideFigures.Of(outputs.Select((o, i) => Trial(caseId, i, o, cost, latency, tool)).ToList());

    public static ShadowInput Input(string id, string tier = "pro") =>
        new(TestCases.Make(id), new Dictionary<string, string> { ["tier"] = tier }, null, [], 0);

    public static InputComparison Compare(string id, IReadOnlyList<string> baseline, IReadOnlyList<string> candidate, string tier = "pro",
        decimal baseCost = 0.001m, decimal candCost = 0.001m, double baseLatency = 800, double candLatency = 800, PairwiseJudgement? judge = null) =>
        InputComparison.Of(Input(id, tier), Side(id, baseline, baseCost, baseLatency), Side(id, candidate, candCost, candLatency), judge);
}
