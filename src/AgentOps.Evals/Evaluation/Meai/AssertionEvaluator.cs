using System.Globalization;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>One of our assertions as a Microsoft.Extensions.AI.Evaluation <see cref="IEvaluator"/>: bound once from its
/// fields (see <see cref="AssertionEvaluators"/>), it returns one <see cref="BooleanMetric"/> named after the assertion type,
/// with a Good/Unacceptable interpretation and the graded score, when there is one, in the metadata as <c>score</c>; an
/// assertion that could not decide returns no value and an error diagnostic. Model-graded ones use
/// <see cref="ChatConfiguration.ChatClient"/> as the judge. The runner scores every built-in assertion through this class.</summary>
public sealed class AssertionEvaluator : IEvaluator
{
    /// <summary>The metadata key of a graded assertion's score (similarity, judge score), in round-trip format.</summary>
    public const string ScoreMetadataKey = "score";

    private readonly BoundAssertion _assertion;

    internal AssertionEvaluator(BoundAssertion assertion) => _assertion = assertion;

    /// <summary>The assertion type, which is also the metric's name.</summary>
    public string Type => _assertion.Type;

    /// <inheritdoc />
    public IReadOnlyCollection<string> EvaluationMetricNames => [_assertion.Type];

    /// <summary>Binds a built-in assertion from its case-file fields, e.g. <c>("contains", {"value": "14 days"})</c>;
    /// throws <see cref="ArgumentException"/> listing every problem with the fields.</summary>
    public static AssertionEvaluator Create(string type, JsonObject fields)
    {
        var registry = EvaluatorRegistry.CreateDefault();
        if (!registry.TryGet(type, out var assertionType) || type == EvaluatorAssertionType.TypeName)
            throw new ArgumentException($"unknown assertion type '{type}', {NameSuggestion.Hint(type, registry.Types)}", nameof(type));
        var problems = new List<Problem>();
        var bound = assertionType.Bind(new AssertionSpec(type, fields, new SourceLocation("code")), problems);
        if (bound is null || problems.Count > 0)
            throw new ArgumentException($"invalid '{type}' assertion: " + string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")), nameof(fields));
        return new AssertionEvaluator(bound);
    }

    /// <inheritdoc />
    public async ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        var result = await _assertion.CheckAsync(Trial(messages, modelResponse, chatConfiguration, additionalContext), cancellationToken).ConfigureAwait(false);
        var metric = new BooleanMetric(Type, result.InfraError ? null : result.Passed, result.Reason);
        if (result.InfraError)
            metric.AddDiagnostics(EvaluationDiagnostic.Error(result.Reason));
        else
            metric.Interpretation = new EvaluationMetricInterpretation(
                result.Passed ? EvaluationRating.Good : EvaluationRating.Unacceptable, failed: !result.Passed);
        if (result.Score is { } score)
            metric.AddOrUpdateMetadata(ScoreMetadataKey, score.ToString("R", CultureInfo.InvariantCulture));
        return new EvaluationResult(metric);
    }

    /// <summary>The runner's trial as it is, or a trial rebuilt from a plain MEAI caller's conversation and response.</summary>
    private static AssertionContext Trial(IEnumerable<ChatMessage> messages, ChatResponse modelResponse, ChatConfiguration? chatConfiguration,
        IEnumerable<EvaluationContext>? additionalContext)
    {
        if (additionalContext?.OfType<TrialEvaluationContext>().FirstOrDefault() is { } trial)
            return chatConfiguration is null ? trial.Trial : trial.Trial with { Judge = chatConfiguration.ChatClient };
        var (goldenCase, response) = ChatTranscript.FromChat(messages, modelResponse, additionalContext);
        return new AssertionContext(goldenCase, response, new CandidateIdentity("meai", response.ModelId, "", "meai", ""), 0)
        {
            Judge = chatConfiguration?.ChatClient,
        };
    }
}
