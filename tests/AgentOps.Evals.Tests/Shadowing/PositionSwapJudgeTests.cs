using System.Text.RegularExpressions;
using AgentOps.Evals.Running;
using AgentOps.Evals.Shadowing;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Shadowing;

public sealed partial class PositionSwapJudgeTests
{
    private static readonly CandidateIdentity Next = new("next", "gpt-5-mini", "abcd1234", "replay", "0.1.0");

    private static ScriptedChatClient Judge(Func<string, string, int> score, List<(string A, string B)> asked) => new((messages, _, _) =>
    {
        var text = messages.Last(m => m.Role == ChatRole.User).Text;
        var a = ResponseA().Match(text).Groups[1].Value.Trim();
        var b = ResponseB().Match(text).Groups[1].Value.Trim();
        asked.Add((a, b));
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, $"{{\"reasoning\": \"A={a}; B={b}\", \"score\": {score(a, b)}}}"));
    });

    [Fact]
    public async Task A_judge_that_always_prefers_the_first_answer_gives_a_tie_not_a_win()
    {
        var asked = new List<(string A, string B)>();
        var judge = Judge((_, _) => 1, asked);
        var result = await PositionSwapJudge.JudgeAsync(judge, TestCases.Make("c1"), "baseline answer", "candidate answer", Next, CancellationToken.None);
        Assert.Equal(2, asked.Count);
        Assert.Equal(("baseline answer", "candidate answer"), asked[0]);
        Assert.Equal(("candidate answer", "baseline answer"), asked[1]);
        Assert.Equal(PairwisePreference.Tie, result.Outcome);
        Assert.Equal(0, result.Preference, 6);
        Assert.Equal(2, result.PositionGap, 6);   // the orders disagree completely (0..2): the judge follows position
    }

    [Fact]
    public async Task A_judge_that_prefers_the_better_answer_in_either_position_gives_a_win_or_a_loss()
    {
        var asked = new List<(string A, string B)>();
        // Prefers whichever answer mentions the 14-day window, wherever it stands.
        var judge = Judge((a, b) => a.Contains("14 days") ? 1 : b.Contains("14 days") ? 5 : 3, asked);
        var win = await PositionSwapJudge.JudgeAsync(judge, TestCases.Make("c1"), "30 days", "14 days", Next, CancellationToken.None);
        var loss = await PositionSwapJudge.JudgeAsync(judge, TestCases.Make("c1"), "14 days", "30 days", Next, CancellationToken.None);
        Assert.Equal(PairwisePreference.Win, win.Outcome);
        Assert.Equal(1, win.Preference, 6);
        Assert.Equal(PairwisePreference.Loss, loss.Outcome);
        Assert.Contains("B=14 days", win.CandidateSecondReason);
    }

    [Fact]
    public async Task An_unreadable_judge_is_an_unjudged_input_never_a_tie()
    {
        var judge = new ScriptedChatClient((_, _, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, "I think B.")));
        var result = await PositionSwapJudge.JudgeAsync(judge, TestCases.Make("c1"), "a", "b", Next, CancellationToken.None);
        Assert.Null(result.Outcome);
        Assert.NotNull(result.Error);
        var tally = JudgeTally.Of([result, PairwiseJudgement.From(5, 1, "", "")], 0.9);
        Assert.Equal(1, tally.Failed);
        Assert.Equal(1, tally.Wins);
        Assert.Equal(1, tally.Judged);
    }

    [GeneratedRegex("<response_a>(.*?)</response_a>", RegexOptions.Singleline)]
    private static partial Regex ResponseA();

    [GeneratedRegex("<response_b>(.*?)</response_b>", RegexOptions.Singleline)]
    private static partial Regex ResponseB();
}
