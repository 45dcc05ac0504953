using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Operational;

/// <summary><c>finish-reason</c> {value: stop|length|tool_calls|content_filter}: the final model turn ended for this reason.</summary>
internal sealed class FinishReasonEvaluator : SpecEvaluator<TextValue>
{
    public override string Type => "finish-reason";

    protected override IReadOnlyList<string> Fields { get; } = ["value"];

    protected override TextValue? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems);
        if (value is null)
            return null;
        // Case files use the canonical names (and tool_call, as OpenLLMetry spells it); other aliases are provider spellings.
        var trimmed = value.Trim();
        var name = trimmed.Equals("tool_call", StringComparison.OrdinalIgnoreCase)
            ? FinishReasons.ToolCalls
            : Array.Find(FinishReasons.Names, n => n.Equals(trimmed, StringComparison.OrdinalIgnoreCase));
        if (name is null)
        {
            problems.Add(new Problem(spec.Location, "value", $"unknown finish reason '{value}'; expected one of: {string.Join(", ", FinishReasons.Names)}"));
            return null;
        }
        return new TextValue(name, name, $"finished with '{name}'");
    }

    protected override ValueTask<AssertionResult> EvaluateAsync(TextValue args, AssertionContext context, CancellationToken cancellationToken)
    {
        var reported = context.Response.FinishReason;
        var actual = FinishReasons.Normalize(reported);
        if (actual == args.Value)
            return new(AssertionResult.Pass(Type, args.PassReason));
        var found = reported is null ? "the target reported no finish reason"
            : actual is null ? $"got '{reported}', which is not a known finish reason"
            : $"got '{actual}'{FinishReasons.Explain(actual)}";
        return new(AssertionResult.Fail(Type, $"expected finish reason '{args.Value}'; {found}"));
    }
}
