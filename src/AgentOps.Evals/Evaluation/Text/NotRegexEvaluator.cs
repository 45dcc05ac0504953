namespace AgentOps.Evals.Evaluation.Text;

/// <summary><c>not-regex</c> {pattern, flags, timeout-ms = 100}: the output does not match; a match that runs past the timeout fails the assertion.</summary>
internal sealed class NotRegexEvaluator : RegexEvaluator
{
    public override string Type => "not-regex";

    protected override bool Negated => true;
}
