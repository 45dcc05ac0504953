namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-icontains-any</c> {values: [..]}: the output contains none of the values, ignoring case.</summary>
internal sealed class NotIContainsAnyEvaluator : TextListEvaluator
{
    public override string Type => "not-icontains-any";

    protected override bool Any => true;

    protected override bool IgnoreCase => true;

    protected override bool Negated => true;
}
