using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Operational;

/// <summary><c>max-output-tokens</c> {value}: the trial produced at most this many output tokens (all model turns).</summary>
internal sealed class MaxOutputTokensEvaluator : SpecEvaluator<MaxOutputTokensEvaluator.Args>
{
    internal sealed record Args(long Limit);

    public override string Type => "max-output-tokens";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems) =>
        spec.RequiredCount("value", "tokens", problems) is { } limit ? new Args(limit) : null;

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var tokens = context.Response.Usage.OutputTokens;
        return new(tokens <= args.Limit
            ? AssertionResult.Pass(Type, $"{tokens} output tokens; limit {args.Limit}")
            : AssertionResult.Fail(Type, $"{tokens} output tokens, over the limit of {args.Limit}"));
    }
}
