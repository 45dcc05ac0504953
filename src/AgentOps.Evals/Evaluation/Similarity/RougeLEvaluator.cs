namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary><c>rouge-l</c> {value, threshold = 0.75}: ROUGE-L F-measure (β = 1) over lowercase word tokens of the output against the value.</summary>
internal sealed class RougeLEvaluator : SimilarityEvaluator
{
    public override string Type => "rouge-l";

    protected override double DefaultThreshold => 0.75;

    protected override double Score(string expected, string actual) => RougeL.Score(expected, actual);
}
