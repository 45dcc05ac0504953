namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-contains-all</c> {values: [..]}: the output lacks at least one of the values, case-sensitive.</summary>
internal sealed class NotContainsAllEvaluator : TextListEvaluator
{
    public override string Type => "not-contains-all";

    protected override bool Any => false;

    protected override bool IgnoreCase => false;

    protected override bool Negated => true;
}
