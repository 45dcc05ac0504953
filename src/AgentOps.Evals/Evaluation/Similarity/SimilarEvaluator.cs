using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary>
/// <c>similar</c> {value, threshold = 0.8}: cosine similarity of the embeddings of the output and the value.
/// Without an embedding generator the assertion is skipped as an infrastructure result, never failed as the model's fault.
/// </summary>
internal sealed class SimilarEvaluator : SpecEvaluator<SimilarityEvaluator.Args>
{
    public const double DefaultThreshold = 0.8;

    public const string SkippedReason = "skipped: no embedding generator (set embeddings: {model, provider} in eval.config.yaml; runs on cassettes make no live embedding call)";

    public override string Type => "similar";

    protected override IReadOnlyList<string> Fields { get; } = ["value", "threshold"];

    protected override SimilarityEvaluator.Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems);
        var threshold = spec.OptionalNumber("threshold", DefaultThreshold, problems, min: -1, max: 1);
        if (value is null || problems.Count > 0)
            return null;
        return new SimilarityEvaluator.Args(value, threshold, Excerpt.Of(value), SimilarityEvaluator.Format(threshold));
    }

    protected override async ValueTask<AssertionResult> EvaluateAsync(SimilarityEvaluator.Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var generator = context.Embeddings;
        if (generator is null)
            return new AssertionResult(Type, false, SkippedReason, InfraError: true);

        var output = context.Response.Output;
        double score;
        try
        {
            var embeddings = await generator.GenerateAsync([args.Expected, output], cancellationToken: cancellationToken).ConfigureAwait(false);
            if (embeddings.Count != 2)
                return new AssertionResult(Type, false, $"embedding generator returned {embeddings.Count} embeddings for 2 texts", InfraError: true);
            score = Cosine.Similarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A failing embedding service says nothing about the model under test.
            return new AssertionResult(Type, false, $"could not compute embeddings: {e.Message}", InfraError: true);
        }

        return score >= args.Threshold
            ? AssertionResult.Pass(Type, $"cosine similarity {SimilarityEvaluator.Format(score)} ≥ threshold {args.ShownThreshold}", score)
            : AssertionResult.Fail(Type, $"cosine similarity {SimilarityEvaluator.Format(score)} is below threshold {args.ShownThreshold} against '{args.Quoted}'; {Excerpt.ResponseBegan(output)}", score);
    }
}
