namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>min-length</c> {value}: the output has at least this many characters.</summary>
internal sealed class MinLengthEvaluator : LengthEvaluator
{
    public override string Type => "min-length";

    protected override bool IsMinimum => true;
}
