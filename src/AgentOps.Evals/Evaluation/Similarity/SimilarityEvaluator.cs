using System.Globalization;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary>A text-similarity assertion {value, threshold}: Score is the metric in [0, 1]; it passes when the score reaches the threshold.</summary>
internal abstract class SimilarityEvaluator : SpecEvaluator<SimilarityEvaluator.Args>
{
    internal sealed record Args(string Expected, double Threshold, string Quoted, string ShownThreshold);

    protected abstract double DefaultThreshold { get; }

    /// <summary>The metric: 1 for identical texts, 0 for nothing in common.</summary>
    protected abstract double Score(string expected, string actual);

    protected override IReadOnlyList<string> Fields { get; } = ["value", "threshold"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems);
        var threshold = spec.OptionalNumber("threshold", DefaultThreshold, problems, min: 0, max: 1);
        if (value is null || problems.Count > 0)
            return null;
        return new Args(value, threshold, Excerpt.Of(value), Format(threshold));
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        var score = Score(args.Expected, output);
        return new(score >= args.Threshold
            ? AssertionResult.Pass(Type, $"{Type} {Format(score)} ≥ threshold {args.ShownThreshold}", score)
            : AssertionResult.Fail(Type, $"{Type} {Format(score)} is below threshold {args.ShownThreshold} against '{args.Quoted}'; {Excerpt.ResponseBegan(output)}", score));
    }

    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
