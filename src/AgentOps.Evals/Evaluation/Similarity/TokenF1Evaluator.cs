namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary><c>token-f1</c> {value, threshold = 0.7}: SQuAD-style bag-of-tokens F1 of the output against the value.</summary>
internal sealed class TokenF1Evaluator : SimilarityEvaluator
{
    public override string Type => "token-f1";

    protected override double DefaultThreshold => 0.7;

    protected override double Score(string expected, string actual) => TokenF1.Score(expected, actual);
}
