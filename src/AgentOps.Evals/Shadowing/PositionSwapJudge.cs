using System.Text;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Shadowing;

/// <summary>
/// Asks the judge which of two answers is better, once in each order, through the same judge pipeline as model-graded
/// assertions (<see cref="ModelJudge"/>: data framing, JSON verdict, repair retry, judge cassettes and spend).
/// </summary>
internal static class PositionSwapJudge
{
    public const string Type = "pairwise";

    public static async Task<PairwiseJudgement> JudgeAsync(IChatClient judge, GoldenCase input, string baselineAnswer, string candidateAnswer,
        CandidateIdentity candidate, CancellationToken cancellationToken)
    {
        // Trial indexes 0 and 1 keep the two orders apart in the judge's cassette even if the framing were identical.
        var second = await AskAsync(judge, input, baselineAnswer, candidateAnswer, candidate, 0, cancellationToken).ConfigureAwait(false);
        var first = await AskAsync(judge, input, candidateAnswer, baselineAnswer, candidate, 1, cancellationToken).ConfigureAwait(false);
        if (second.Verdict is null || first.Verdict is null)
            return PairwiseJudgement.Failed(second.Error ?? first.Error ?? "the judge gave no verdict");
        return PairwiseJudgement.From(second.Verdict.Score, first.Verdict.Score, second.Verdict.Reasoning, first.Verdict.Reasoning);
    }

    private static Task<JudgeAnswer> AskAsync(IChatClient judge, GoldenCase input, string a, string b, CandidateIdentity candidate, int trial, CancellationToken cancellationToken)
    {
        var request = new JudgeRequest(Type, [("conversation", Conversation(input)), ("response_a", a), ("response_b", b)], JudgeScale.OneToFive, MinScore: 4);
        var context = new AssertionContext(input, new TargetResponse(b, Trajectory.Empty, TokenUsage.Zero, 0, null, candidate.ModelId), candidate, trial);
        return ModelJudge.AskAsync(judge, request, context, cancellationToken);
    }

    /// <summary>The user's side of the input as the judge reads it (every user turn; the responses answer the last).</summary>
    internal static string Conversation(GoldenCase input)
    {
        var builder = new StringBuilder();
        // A replayed session's later user turns are part of what was asked; the responses answer the last of them.
        foreach (var message in input.Input.Messages) builder.Append(message.Role).Append(": ").Append(message.Content).Append('\n');
        foreach (var turn in input.Input.Turns) builder.Append("user: ").Append(turn.User).Append('\n');
        return builder.ToString().TrimEnd('\n');
    }
}
