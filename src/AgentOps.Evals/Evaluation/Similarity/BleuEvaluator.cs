namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary><c>bleu</c> {value, threshold = 0.5}: sentence BLEU-4 with brevity penalty and add-one smoothing for n > 1 (see <see cref="Bleu"/>) of the output against the value.</summary>
internal sealed class BleuEvaluator : SimilarityEvaluator
{
    public override string Type => "bleu";

    protected override double DefaultThreshold => 0.5;

    protected override double Score(string expected, string actual) => Bleu.Score(expected, actual);
}
