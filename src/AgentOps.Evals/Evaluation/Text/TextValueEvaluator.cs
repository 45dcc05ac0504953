using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary>Base of the text assertions with one <c>value</c> field: the field is read once, a subclass only says what must hold.</summary>
internal abstract class TextValueEvaluator : SpecEvaluator<TextValue>
{
    protected sealed override IReadOnlyList<string> Fields { get; } = ["value"];

    /// <summary>The pass reason, from the quoted value.</summary>
    protected abstract string Describe(string quoted);

    /// <summary>Why the output fails the assertion, or null when it holds.</summary>
    protected abstract string? Failure(string output, TextValue args);

    protected sealed override TextValue? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var value = spec.RequiredText("value", problems);
        if (value is null)
            return null;
        var quoted = Excerpt.Of(value);
        return new TextValue(value, quoted, Describe(quoted));
    }

    protected sealed override ValueTask<AssertionResult> EvaluateAsync(TextValue args, AssertionContext context, CancellationToken cancellationToken) =>
        new(Failure(context.Response.Output, args) is { } failure ? AssertionResult.Fail(Type, failure) : AssertionResult.Pass(Type, args.PassReason));
}
