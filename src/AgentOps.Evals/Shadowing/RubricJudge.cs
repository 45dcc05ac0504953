using AgentOps.Evals.Cases;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Shadowing;

/// <summary>
/// Scores answers against the shadow's reference-free rubric through the same judge pipeline as an <c>llm-rubric</c>
/// assertion (prompt, data framing, JSON verdict, judge cassette and spend): no expected answer, only what a good one does.
/// </summary>
internal static class RubricJudge
{
    public const string Type = "llm-rubric";

    public static async Task<RubricScores> ScoreAsync(IChatClient judge, GoldenCase input, IReadOnlyList<string> answers, string rubric,
        CandidateIdentity candidate, CancellationToken cancellationToken)
    {
        var scores = new List<double?>();
        var reasons = new List<string>();
        string? error = null;
        for (var trial = 0; trial < answers.Count; trial++)
        {
            var request = new JudgeRequest(Type, [("conversation", PositionSwapJudge.Conversation(input)), ("response", answers[trial])], JudgeScale.OneToFive, 4,
                [("rubric", rubric)]);
            // The answer's trial index keys the judge cassette: the same answer text on both sides replays one recording.
            var context = new AssertionContext(input, new TargetResponse(answers[trial], Trajectory.Empty, TokenUsage.Zero, 0, null, candidate.ModelId), candidate, trial);
            var answer = await ModelJudge.AskAsync(judge, request, context, cancellationToken).ConfigureAwait(false);
            scores.Add(answer.Verdict?.Score);
            reasons.Add(answer.Verdict?.Reasoning ?? "");
            error ??= answer.Verdict is null ? answer.Error ?? "the judge gave no verdict" : null;
        }
        return new RubricScores(scores, reasons, error);
    }
}
