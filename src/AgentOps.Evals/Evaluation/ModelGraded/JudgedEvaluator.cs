using System.Globalization;
using System.Text;
using AgentOps.Evals.Judging;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.ModelGraded;

/// <summary>A model-graded assertion: builds a question for the judge from the trial, asks it, and turns the verdict
/// into a result. No judge, a failed call or an unreadable reply is an infrastructure error of the trial, never a pass or a fail.</summary>
internal abstract class JudgedEvaluator<TArgs> : SpecEvaluator<TArgs> where TArgs : class
{
    public const string NoJudgeReason = "no judge configured: set judge: {model, provider} in eval.config.yaml";

    protected sealed override bool NeedsJudge => true;

    /// <summary>The question for the judge, or null with <paramref name="unusable"/> set when the case cannot be judged this way.</summary>
    protected abstract JudgeRequest? Build(TArgs args, AssertionContext context, out string unusable);

    protected sealed override async ValueTask<AssertionResult> EvaluateAsync(TArgs args, AssertionContext context, CancellationToken cancellationToken)
    {
        if (context.Judge is not { } judge)
            return new AssertionResult(Type, false, NoJudgeReason, InfraError: true);
        if (Build(args, context, out var unusable) is not { } request)
            return new AssertionResult(Type, false, unusable, InfraError: true);
        var answer = await ModelJudge.AskAsync(judge, request, context, cancellationToken).ConfigureAwait(false);
        if (answer.Verdict is not { } verdict)
            return new AssertionResult(Type, false, answer.Error ?? "the judge gave no verdict", InfraError: true);

        var reason = Describe(request, verdict);
        return verdict.Passed ? AssertionResult.Pass(Type, reason, verdict.Score) : AssertionResult.Fail(Type, reason, verdict.Score);
    }

    private static string Describe(JudgeRequest request, JudgeVerdict verdict)
    {
        var head = request.Scale == JudgeScale.OneToFive
            ? $"judge score {verdict.Score.ToString("0.#", CultureInfo.InvariantCulture)}/5 {(verdict.Passed ? "≥" : "is below")} min-score {request.MinScore.ToString("0.#", CultureInfo.InvariantCulture)}"
            : $"judge verdict: {(verdict.Passed ? "pass" : "fail")}";
        return verdict.Reasoning.Length == 0 ? head : $"{head}: {Excerpt.Of(verdict.Reasoning, 300)}";
    }

    /// <summary>The conversation as the judge reads it: one "role: text" line per message.</summary>
    protected static string Conversation(AssertionContext context)
    {
        var builder = new StringBuilder();
        foreach (var message in context.Case.Input.Messages)
            builder.Append(message.Role).Append(": ").Append(message.Content).Append('\n');
        return builder.ToString().TrimEnd('\n');
    }
}
