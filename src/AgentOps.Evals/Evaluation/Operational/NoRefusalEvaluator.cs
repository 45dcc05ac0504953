using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Operational;

/// <summary><c>no-refusal</c>: the output contains none of the common refusal phrasings in <see cref="RefusalPhrases"/>.</summary>
internal sealed class NoRefusalEvaluator : SpecEvaluator<object>
{
    private static readonly object NoArgs = new();

    public override string Type => "no-refusal";

    protected override IReadOnlyList<string> Fields { get; } = [];

    protected override object? Parse(AssertionSpec spec, List<Problem> problems) => NoArgs;

    protected override ValueTask<AssertionResult> EvaluateAsync(object args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        return new(RefusalPhrases.TryFind(output, out var index, out var phrase)
            ? AssertionResult.Fail(Type, $"looks like a refusal: found '{phrase}' at char {index}: '{Excerpt.Around(output, index, phrase.Length)}'")
            : AssertionResult.Pass(Type, "no refusal phrasing found"));
    }
}
