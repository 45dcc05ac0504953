namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>icontains-all</c> {values: [..]}: the output contains every one of the values, ignoring case.</summary>
internal sealed class IContainsAllEvaluator : TextListEvaluator
{
    public override string Type => "icontains-all";

    protected override bool Any => false;

    protected override bool IgnoreCase => true;

}
