namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>max-length</c> {value}: the output has at most this many characters.</summary>
internal sealed class MaxLengthEvaluator : LengthEvaluator
{
    public override string Type => "max-length";

    protected override bool IsMinimum => false;
}
