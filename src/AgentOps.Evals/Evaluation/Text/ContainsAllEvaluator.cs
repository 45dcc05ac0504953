namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>contains-all</c> {values: [..]}: the output contains every one of the values, case-sensitive.</summary>
internal sealed class ContainsAllEvaluator : TextListEvaluator
{
    public override string Type => "contains-all";

    protected override bool Any => false;

    protected override bool IgnoreCase => false;

}
