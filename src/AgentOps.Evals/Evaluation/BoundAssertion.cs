using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation.Meai;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation;

/// <summary>An <c>expect</c> entry after loading: fields parsed and checked once, what it needs known; scores any number of trials.
/// Every assertion is scored the same way, through a Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/>: a built-in
/// or custom assertion through its own check wrapped as one (<see cref="AssertionEvaluator"/>), an <c>evaluator</c> entry
/// through the registered evaluator; the trial's verdict is then read from the evaluator's metric.</summary>
public abstract class BoundAssertion(string type, SourceLocation location)
{
    private IEvaluator? _evaluator;

    /// <summary>The assertion type, e.g. <c>contains</c>.</summary>
    public string Type { get; } = type;

    /// <summary>Where the entry stands in its case file.</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>True when scoring asks the judge model, so a run builds a judge only when a selected case needs one.</summary>
    public virtual bool NeedsJudge => false;

    /// <summary>True when the assertion grades against the case's <c>input.context</c>; a case without one is refused at load.</summary>
    public virtual bool NeedsContext => false;

    /// <summary>The MEAI evaluator that scores this assertion; by default its own check (<see cref="CheckAsync"/>) as one,
    /// returning a <see cref="BooleanMetric"/> named after <see cref="Type"/>.</summary>
    public virtual IEvaluator Evaluator => _evaluator ??= new AssertionEvaluator(this);

    /// <summary>The name a crashing evaluator is reported under.</summary>
    internal virtual string EvaluatorName => Type;

    /// <summary>The assertion's own check of one trial: what <see cref="Evaluator"/> runs for a built-in or custom assertion.</summary>
    protected internal abstract ValueTask<AssertionResult> CheckAsync(AssertionContext context, CancellationToken cancellationToken);

    /// <summary>Reads the evaluator's result as this assertion's verdict; by default the assertion's own metric, verbatim.</summary>
    private protected virtual AssertionResult Decide(EvaluationResult result) => MetricVerdict.Own(Type, result);

    /// <summary>Judges one trial's response: runs <see cref="Evaluator"/> on the trial (conversation, response with tool calls
    /// and results, the judge as <see cref="ChatConfiguration"/>, the case's context and tools) and reads its metric. A crashing
    /// evaluator, an error diagnostic, a missing value or an inconclusive rating is an infrastructure error, never a pass or a fail.</summary>
    public async ValueTask<AssertionResult> EvaluateAsync(AssertionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        EvaluationResult result;
        try
        {
            var transcript = context.Transcript;
            result = await Evaluator.EvaluateAsync(transcript.Messages, transcript.Response,
                context.Judge is { } judge ? new ChatConfiguration(judge) : null, transcript.Contexts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A crashing evaluator says nothing about the model under test.
            return new AssertionResult(Type, false, $"evaluator '{EvaluatorName}' failed: {e.GetType().Name}: {e.Message}", InfraError: true);
        }
        return Decide(result);
    }
}
