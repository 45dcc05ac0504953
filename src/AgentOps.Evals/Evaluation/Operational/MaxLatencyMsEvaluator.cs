using System.Globalization;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Operational;

/// <summary><c>max-latency-ms</c> {value}: the trial's end-to-end latency was at most this many milliseconds.</summary>
internal sealed class MaxLatencyMsEvaluator : SpecEvaluator<MaxLatencyMsEvaluator.Args>
{
    internal sealed record Args(double Limit, string Shown);

    public override string Type => "max-latency-ms";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems) =>
        spec.RequiredNumber("value", problems, min: 0) is { } limit ? new Args(limit, Ms(limit)) : null;

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var latency = context.Response.LatencyMs;
        return new(latency <= args.Limit
            ? AssertionResult.Pass(Type, $"took {Ms(latency)}; limit {args.Shown}")
            : AssertionResult.Fail(Type, $"took {Ms(latency)}, over the limit of {args.Shown}"));
    }

    private static string Ms(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " ms";
}
