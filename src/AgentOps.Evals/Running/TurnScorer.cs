using AgentOps.Evals.Evaluation;

namespace AgentOps.Evals.Running;

/// <summary>Scores a conversation case's per-turn assertions (<c>input.turns[i].expect</c>), each against that turn's reply
/// and only the model turns and tool calls that produced it; the case's own <c>expect</c> judges the whole conversation.</summary>
internal static class TurnScorer
{
    public static async Task<List<AssertionResult>> ScoreAsync(RunPlan plan, AssertionContext context, CancellationToken cancellationToken)
    {
        var results = new List<AssertionResult>();
        var goldenCase = context.Case;
        var turns = goldenCase.Input.Turns;
        // input.turns[i] is the i-th scripted entry: an opening reply to the history and simulated turns sit beside them.
        var conversation = context.Response.Trajectory.Conversation.Where(t => t.Source == ConversationTurn.Scripted).ToList();
        for (var i = 0; i < turns.Count; i++)
        {
            var label = $"turn {i + 1}";
            if (i >= conversation.Count)
            {
                // The conversation stopped early (the tool loop hit its bound): the turn's checks cannot pass.
                results.AddRange(turns[i].Expect.Select(spec => new AssertionResult(spec.Type, false, $"{label}: not reached (the conversation stopped after {conversation.Count} turns)")));
                continue;
            }
            var reply = conversation[i];
            var trajectory = context.Response.Trajectory;
            var last = reply.FirstModelTurn + reply.ModelTurnCount;
            var sliced = new Trajectory(
                [.. trajectory.Turns.Where(t => t.Index >= reply.FirstModelTurn && t.Index < last)],
                [.. trajectory.ToolCalls.Where(c => c.TurnIndex >= reply.FirstModelTurn && c.TurnIndex < last)]);
            // The case as of this turn: model-graded checks read the turn's user message as "the question".
            var asOfTurn = goldenCase with { Input = goldenCase.Input with { Turns = [.. turns.Take(i + 1)] } };
            var turnContext = context with { Case = asOfTurn, Response = context.Response with { Output = reply.Output, Trajectory = sliced } };
            foreach (var spec in turns[i].Expect)
            {
                var result = await plan.Evaluators.Bind(spec).EvaluateAsync(turnContext, cancellationToken).ConfigureAwait(false);
                results.Add(result with { Reason = $"{label}: {result.Reason}" });
            }
        }
        return results;
    }
}
