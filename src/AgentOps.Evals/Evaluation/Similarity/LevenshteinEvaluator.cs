namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary><c>levenshtein</c> {value, threshold = 0.8}: normalized Levenshtein similarity, 1 − distance / max(length), over characters of the output against the value.</summary>
internal sealed class LevenshteinEvaluator : SimilarityEvaluator
{
    public override string Type => "levenshtein";

    protected override double DefaultThreshold => 0.8;

    protected override double Score(string expected, string actual) => Levenshtein.Similarity(expected, actual);
}
