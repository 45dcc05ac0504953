using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation.Text;

/// <summary>Base of the assertions on a list of substrings (<c>contains-any</c>, <c>not-icontains-all</c>, …): the
/// <c>values</c> list is read once; a subclass only says whether case matters, any or all, and whether it is negated.</summary>
internal abstract class TextListEvaluator : SpecEvaluator<TextListEvaluator.Args>
{
    internal sealed record Args(string[] Values, string Listed);

    /// <summary>True when any one value is enough (<c>-any</c>); false when every value must be found (<c>-all</c>).</summary>
    protected abstract bool Any { get; }

    protected abstract bool IgnoreCase { get; }

    /// <summary>True for the <c>not-</c> forms: the positive check must NOT hold.</summary>
    protected virtual bool Negated => false;

    protected sealed override IReadOnlyList<string> Fields { get; } = ["values"];

    protected sealed override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var values = spec.RequiredTextList("values", problems);
        if (values is null)
            return null;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i].Length == 0)
            {
                problems.Add(new Problem(spec.Location, $"values[{i}]", "must not be empty (every output contains the empty string)"));
                return null;
            }
        }
        return new Args(values, string.Join(", ", values.Select(v => $"'{Excerpt.Of(v, 40)}'")));
    }

    protected sealed override ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        var output = context.Response.Output;
        var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var found = new List<string>();
        var missing = new List<string>();
        foreach (var value in args.Values)
            (output.Contains(value, comparison) ? found : missing).Add(value);

        var holds = Any ? found.Count > 0 : missing.Count == 0;
        var casing = IgnoreCase ? " (ignoring case)" : "";
        var quantifier = Any ? "any of" : "all of";
        if (holds != Negated)
        {
            var why = Negated
                ? $"does not contain {quantifier} {args.Listed}{casing}"
                : $"contains {(Any ? $"'{Excerpt.Of(found[0], 40)}'" : "every one")} of {args.Listed}{casing}";
            return new(AssertionResult.Pass(Type, why));
        }
        var detail = (Any, Negated) switch
        {
            (true, false) => "none was found",
            (false, false) => "missing: " + Quote(missing),
            (true, true) => "found: " + Quote(found),
            (false, true) => "every one was found",
        };
        return new(AssertionResult.Fail(Type, $"expected {(Negated ? "not " : "")}to contain {quantifier} {args.Listed}{casing}; {detail}; {Excerpt.ResponseBegan(output)}"));
    }

    private static string Quote(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{Excerpt.Of(v, 40)}'"));
}
