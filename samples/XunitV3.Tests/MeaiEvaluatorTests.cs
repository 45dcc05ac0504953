using AgentOps.Evals.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;
using Xunit;

namespace Samples.XunitV3.Tests;

/// <summary>An MEAI evaluator used from an xunit v3 test on a golden case's real responses (prod, cassettes).</summary>
public sealed class MeaiEvaluatorTests
{
    [Theory, AgentOps.Evals.XunitV3.GoldenCases(Suite = "orders", Tag = "locale:en-US")]
    public async Task Every_answer_stays_short_by_the_word_count_evaluator(string caseId)
    {
        var run = await GoldenSuite.Load().RunCaseAsync(caseId, "prod", provider: "replay", TestContext.Current.CancellationToken);
        var evaluator = new WordCountEvaluator(maxWords: 80);
        var question = run.Case.Input.Messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();

        foreach (var trial in run.Trials)
        {
            var result = await evaluator.EvaluateAsync(question, new ChatResponse(new ChatMessage(ChatRole.Assistant, trial.Output)),
                cancellationToken: TestContext.Current.CancellationToken);
            var words = result.Get<NumericMetric>(WordCountEvaluator.WordsMetric);
            Assert.True(words.Value > 0, $"{caseId} trial {trial.TrialIndex}: empty answer");
            Assert.False(words.Interpretation!.Failed, $"{caseId} trial {trial.TrialIndex}: {words.Reason} ({words.Interpretation.Reason}): {trial.Output}");
        }
    }
}
