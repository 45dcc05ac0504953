using System.Text.Json;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Structure;

/// <summary><c>is-json</c>: the output, or its first <c>```json</c> block, parses as JSON.</summary>
internal sealed class IsJsonEvaluator : SpecEvaluator<object>
{
    private static readonly object NoArgs = new();

    // Disposing returns the document's pooled buffers: nothing of it is kept.
    private static readonly Func<string, bool> Check = json =>
    {
        using var _ = JsonDocument.Parse(json);
        return true;
    };

    public override string Type => "is-json";

    protected override IReadOnlyList<string> Fields { get; } = [];

    protected override object? Parse(AssertionSpec spec, List<Problem> problems) => NoArgs;

    protected override ValueTask<AssertionResult> EvaluateAsync(object args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        return new(JsonOutput.TryParse(output, Check, out _, out _, out var error)
            ? AssertionResult.Pass(Type, "output is JSON")
            : AssertionResult.Fail(Type, $"expected JSON; {error}; {Excerpt.ResponseBegan(output)}"));
    }
}
