using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Tests.Evaluation.Meai;

/// <summary>A small MEAI evaluator written the way a team writes one: counts the words of the final answer
/// (<c>Words</c>) and the tool calls in the response (<c>ToolCalls</c>), and records whether it was given a judge.</summary>
public sealed class WordCountEvaluator : IEvaluator
{
    public const string WordsMetric = "Words";
    public const string ToolCallsMetric = "ToolCalls";

    /// <summary>The chat client last handed over through <see cref="ChatConfiguration"/>.</summary>
    public IChatClient? SeenJudge { get; private set; }

    /// <summary>The contexts last handed over, by name.</summary>
    public IReadOnlyList<string> SeenContexts { get; private set; } = [];

    public IReadOnlyCollection<string> EvaluationMetricNames => [WordsMetric, ToolCallsMetric];

    public ValueTask<EvaluationResult> EvaluateAsync(IEnumerable<ChatMessage> messages, ChatResponse modelResponse,
        ChatConfiguration? chatConfiguration = null, IEnumerable<EvaluationContext>? additionalContext = null, CancellationToken cancellationToken = default)
    {
        SeenJudge = chatConfiguration?.ChatClient;
        SeenContexts = [.. (additionalContext ?? []).Select(c => c.Name)];
        var answer = modelResponse.Messages.LastOrDefault(m => m.Role == ChatRole.Assistant)?.Text ?? "";
        var words = answer.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var calls = modelResponse.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Count();
        return new(new EvaluationResult(
            new NumericMetric(WordsMetric, words, $"{words} words"),
            new NumericMetric(ToolCallsMetric, calls, $"{calls} tool calls")));
    }
}
