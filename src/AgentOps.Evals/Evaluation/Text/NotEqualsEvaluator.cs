namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-equals</c> {value, ignore-case = false, trim = true}: the output differs from the value (numbers numerically, objects as JSON).</summary>
internal sealed class NotEqualsEvaluator : EqualsEvaluator
{
    public override string Type => "not-equals";

    protected override bool Negated => true;
}
