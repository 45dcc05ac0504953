namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>icontains-any</c> {values: [..]}: the output contains at least one of the values, ignoring case.</summary>
internal sealed class IContainsAnyEvaluator : TextListEvaluator
{
    public override string Type => "icontains-any";

    protected override bool Any => true;

    protected override bool IgnoreCase => true;

}
