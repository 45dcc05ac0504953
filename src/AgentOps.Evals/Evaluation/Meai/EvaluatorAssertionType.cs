using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>
/// <c>evaluator</c> {name, metric?, min?, max?}: runs a registered Microsoft.Extensions.AI.Evaluation evaluator on the trial
/// and decides on one of its metrics: a numeric metric against min/max, otherwise the evaluator's own interpretation.
/// The name and metric are checked when the case loads (with did-you-mean), like every other assertion.
/// </summary>
internal sealed class EvaluatorAssertionType(EvaluatorRegistry registry) : SpecEvaluator<EvaluatorAssertionType.Args>
{
    public const string TypeName = "evaluator";

    internal sealed record Args(RegisteredEvaluator Registered, string Metric, double? Min, double? Max);

    public override string Type => TypeName;

    protected override IReadOnlyList<string> Fields { get; } = ["name", "metric", "min", "max"];

    protected override Args? Parse(AssertionSpec spec, List<Problem> problems)
    {
        var name = spec.RequiredText("name", problems);
        double? min = spec.Args["min"] is null ? null : spec.RequiredNumber("min", problems);
        double? max = spec.Args["max"] is null ? null : spec.RequiredNumber("max", problems);
        if (min > max)
            problems.Add(new Problem(spec.Location, "max", $"found max {max} below min {min}, expected max ≥ min"));
        if (name is null)
            return null;
        if (!registry.TryGetEvaluator(name, out var registered))
        {
            problems.Add(new Problem(spec.Location, "name", $"found unknown evaluator '{name}', {NameSuggestion.Hint(name, registry.EvaluatorNames)}"));
            return null;
        }
        var metrics = registered.Evaluator.EvaluationMetricNames;
        string? metric;
        if (spec.Args["metric"] is null)
        {
            metric = metrics.Count == 1 ? metrics.First() : null;
            if (metric is null)
                problems.Add(new Problem(spec.Location, "metric", $"missing; '{name}' reports several metrics, expected one of: {string.Join(", ", metrics)}"));
        }
        else if ((metric = spec.RequiredText("metric", problems)) is not null && !metrics.Contains(metric))
        {
            problems.Add(new Problem(spec.Location, "metric", $"found unknown metric '{metric}' of '{name}', {NameSuggestion.Hint(metric, metrics.ToList())}"));
            metric = null;
        }
        return metric is null || problems.Count > 0 ? null : new Args(registered, metric, min, max);
    }

    protected override bool NeedsJudgeFor(Args args) => args.Registered.NeedsJudge;

    protected override async ValueTask<AssertionResult> EvaluateAsync(Args args, AssertionContext context, CancellationToken cancellationToken)
    {
        EvaluationResult result;
        try
        {
            result = await args.Registered.Evaluator.EvaluateAsync(
                ChatTranscript.Conversation(context.Case),
                ChatTranscript.Response(context.Response),
                context.Judge is { } judge ? new ChatConfiguration(judge) : null,
                ChatTranscript.Contexts(context.Case),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A crashing evaluator says nothing about the model under test.
            return new AssertionResult(Type, false, $"evaluator '{args.Registered.Name}' failed: {e.GetType().Name}: {e.Message}", InfraError: true);
        }
        return MetricVerdict.From(Type, result, args.Metric, args.Min, args.Max);
    }
}
