namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-icontains-all</c> {values: [..]}: the output lacks at least one of the values, ignoring case.</summary>
internal sealed class NotIContainsAllEvaluator : TextListEvaluator
{
    public override string Type => "not-icontains-all";

    protected override bool Any => false;

    protected override bool IgnoreCase => true;

    protected override bool Negated => true;
}
