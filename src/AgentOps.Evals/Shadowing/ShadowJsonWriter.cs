using System.Text.Json;
using System.Text.Json.Nodes;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Shadowing;

/// <summary>The shadow report as JSON (schemaVersion 1): verdict per slice and rule, both sides' distributions, every input side by side.</summary>
public static class ShadowJsonWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><see cref="ToNode"/> as indented JSON text.</summary>
    public static string ToJson(ShadowReport report) => ToNode(report).ToJsonString(Indented);

    /// <summary>The report as a JSON object (schemaVersion 1), for writing or embedding in another document.</summary>
    public static JsonObject ToNode(ShadowReport report) => new()
    {
        ["schemaVersion"] = 1,
        ["baseline"] = report.Baseline,
        ["candidate"] = report.Candidate,
        ["shadowId"] = report.ShadowId,
        ["trialsRun"] = report.TrialsRun,
        ["trialsReused"] = report.TrialsReused,
        ["baselineRun"] = report.BaselineRunId,
        ["candidateRun"] = report.CandidateRunId,
        ["baselineModel"] = report.BaselineIdentity?.ModelId,
        ["candidateModel"] = report.CandidateIdentity.ModelId,
        ["k"] = report.K,
        ["outcome"] = report.Verdict.Outcome.ToString().ToLowerInvariant(),
        ["exitCode"] = (int)report.Verdict.Outcome,
        ["alpha"] = report.Verdict.Alpha,
        ["rulesOff"] = Array(report.Verdict.RulesOff.Select(r => (JsonNode?)r)),
        ["notes"] = Array(report.Notes.Select(n => (JsonNode?)n)),
        ["slices"] = Array(report.Verdict.Slices.Select(Slice)),
        ["rubric"] = report.BaselineRubricMean is null && report.CandidateRubricMean is null ? null
            : new JsonObject { ["baselineMean"] = Num(report.BaselineRubricMean), ["candidateMean"] = Num(report.CandidateRubricMean) },
        ["distributions"] = new JsonObject { ["baseline"] = Distribution(report.BaselineDistribution), ["candidate"] = Distribution(report.CandidateDistribution) },
        ["inputs"] = Array(report.MostDivergent(int.MaxValue).Concat(report.Inputs.Where(i => !i.Compared)).Select(Input)),
    };

    private static JsonNode Slice(ShadowSliceVerdict slice) => new JsonObject
    {
        ["slice"] = slice.Slice,
        ["inputs"] = slice.Inputs,
        ["outcome"] = slice.Outcome.ToString().ToLowerInvariant(),
        ["judge"] = slice.Judge is { } j ? new JsonObject
        {
            ["wins"] = j.Wins, ["ties"] = j.Ties, ["losses"] = j.Losses, ["failed"] = j.Failed,
            ["winRate"] = Interval(j.WinRate.Estimate, j.WinRate.Lower, j.WinRate.Upper),
            ["lossRate"] = Interval(j.LossRate.Estimate, j.LossRate.Lower, j.LossRate.Upper),
            ["meanPositionGap"] = Num(j.MeanPositionGap),
        } : null,
        ["rules"] = Array(slice.Checks.Select(c => (JsonNode?)new JsonObject
        {
            ["rule"] = c.Rule, ["decision"] = c.Decision.ToString().ToLowerInvariant(), ["inputs"] = c.Inputs,
            ["estimate"] = Num(c.Estimate), ["lower"] = Num(c.Lower), ["upper"] = Num(c.Upper), ["limit"] = c.Limit,
            ["pValue"] = Num(c.PValue), ["adjustedPValue"] = Num(c.AdjustedPValue), ["wouldDecide"] = c.WouldDecide,
        })),
    };

    private static JsonNode Distribution(SideDistribution d) => new JsonObject
    {
        ["trials"] = d.Trials,
        ["meanCostUsd"] = (double)d.MeanCostUsd,
        ["costP50Usd"] = Num(d.CostP50Usd), ["costP95Usd"] = Num(d.CostP95Usd),
        ["latencyP50Ms"] = Num(d.LatencyP50Ms), ["latencyP95Ms"] = Num(d.LatencyP95Ms),
        ["meanInputTokens"] = Num(d.MeanInputTokens), ["meanOutputTokens"] = Num(d.MeanOutputTokens),
        ["refusalRate"] = Interval(d.RefusalRate.Estimate, d.RefusalRate.Lower, d.RefusalRate.Upper),
        ["finishReasons"] = new JsonObject(d.FinishReasons.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))),
    };

    private static JsonNode Input(InputComparison c) => new JsonObject
    {
        ["id"] = c.Id,
        ["slices"] = new JsonObject(c.Input.Slices.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
        ["messages"] = Array(c.Input.Conversation.Select(m => (JsonNode?)new JsonObject { ["role"] = m.Role, ["content"] = m.Content })),
        ["userTurns"] = c.Input.EarlierUserTurns + 1,
        ["unrecordedTools"] = Array(c.Input.UnrecordedTools.Select(t => (JsonNode?)t)),
        ["unrecordedCalls"] = new JsonObject
        {
            ["baselineTrials"] = c.Unrecorded.BaselineTrials, ["candidateTrials"] = c.Unrecorded.CandidateTrials,
            ["tools"] = Array(c.Unrecorded.Tools.Select(t => (JsonNode?)t)),
        },
        ["baseline"] = Side(c.Baseline),
        ["candidate"] = Side(c.Candidate),
        ["output"] = new JsonObject { ["crossAgreement"] = Num(c.Output.CrossAgreement), ["noiseFloor"] = Num(c.Output.NoiseFloor), ["excess"] = Num(c.Output.Excess), ["crossExactRate"] = Num(c.Output.CrossExactRate) },
        ["tools"] = new JsonObject { ["crossRate"] = Num(c.Tools.CrossRate), ["ownRate"] = Num(c.Tools.OwnRate), ["namesDiffer"] = c.Tools.NamesDiffer },
        ["costRatio"] = Num(c.CostRatio), ["p95LatencyRatio"] = Num(c.P95LatencyRatio),
        ["rubric"] = c.BaselineRubric is null && c.CandidateRubric is null ? null : new JsonObject
        {
            ["baseline"] = Rubric(c.BaselineRubric), ["candidate"] = Rubric(c.CandidateRubric), ["delta"] = Num(c.RubricDelta),
        },
        ["judge"] = c.Judgement is { } j ? new JsonObject
        {
            ["outcome"] = j.Outcome?.ToString().ToLowerInvariant(), ["preference"] = Num(j.Preference),
            ["candidateSecondScore"] = Num(j.CandidateSecondScore), ["candidateFirstScore"] = Num(j.CandidateFirstScore),
            ["candidateSecondReason"] = j.CandidateSecondReason, ["candidateFirstReason"] = j.CandidateFirstReason, ["error"] = j.Error,
        } : null,
    };

    private static JsonNode? Rubric(RubricScores? r) => r is null ? null : new JsonObject
    {
        ["mean"] = Num(r.Mean),
        ["scores"] = Array(r.Scores.Select(s => Num(s))),
        ["reasons"] = Array(r.Reasons.Select(x => (JsonNode?)x)),
        ["error"] = r.Error,
    };

    private static JsonNode Side(SideFigures s) => new JsonObject
    {
        ["trials"] = s.Trials, ["errors"] = s.Errors,
        ["outputs"] = Array(s.Outputs.Select(o => (JsonNode?)o)),
        ["toolCalls"] = Array(s.ToolCalls.Select(t => (JsonNode?)Array(t.Select(Call)))),
        ["costPerRequestUsd"] = (double)s.CostPerRequest, ["inputTokens"] = Num(s.InputTokens), ["outputTokens"] = Num(s.OutputTokens),
        ["latencyP50Ms"] = Num(s.LatencyP50Ms), ["latencyP95Ms"] = Num(s.LatencyP95Ms), ["refusals"] = s.Refusals,
        ["finishReasons"] = new JsonObject(s.FinishReasons.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))),
        ["ownAgreement"] = Num(s.OwnAgreement),
    };

    private static JsonNode? Call(ToolCallRecord c) => new JsonObject { ["name"] = c.Name, ["arguments"] = c.ArgumentsJson, ["error"] = c.Error };

    private static JsonObject Interval(double estimate, double lower, double upper) => new() { ["estimate"] = Num(estimate), ["lower"] = Num(lower), ["upper"] = Num(upper) };

    private static JsonNode? Num(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6)) : null;

    private static JsonArray Array(IEnumerable<JsonNode?> items) => new(items.ToArray());
}
