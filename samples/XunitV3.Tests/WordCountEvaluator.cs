using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace Samples.XunitV3.Tests;

/// <summary>A small Microsoft.Extensions.AI.Evaluation evaluator written the way a team writes one: the answer's word count,
/// rated unacceptable above a limit.</summary>
public sealed class WordCountEvaluator(int maxWords) : IEvaluator
{
    public const string WordsMetric = "Words";

    public IReadOnlyCollection<string> EvaluationMetricNames => [WordsMetric];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        var words = modelResponse.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var metric = new NumericMetric(WordsMetric, words, $"{words} words")
        {
            Interpretation = new EvaluationMetricInterpretation(words <= maxWords ? EvaluationRating.Good : EvaluationRating.Unacceptable,
                failed: words > maxWords, reason: $"limit {maxWords}"),
        };
        return new(new EvaluationResult(metric));
    }
}
