namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>contains-any</c> {values: [..]}: the output contains at least one of the values, case-sensitive.</summary>
internal sealed class ContainsAnyEvaluator : TextListEvaluator
{
    public override string Type => "contains-any";

    protected override bool Any => true;

    protected override bool IgnoreCase => false;

}
