namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-contains-any</c> {values: [..]}: the output contains none of the values, case-sensitive.</summary>
internal sealed class NotContainsAnyEvaluator : TextListEvaluator
{
    public override string Type => "not-contains-any";

    protected override bool Any => true;

    protected override bool IgnoreCase => false;

    protected override bool Negated => true;
}
