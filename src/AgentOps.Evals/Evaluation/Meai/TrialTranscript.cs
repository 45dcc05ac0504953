using Microsoft.Extensions.AI;
using Microsoft.Extensions.AI.Evaluation;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>One trial as an MEAI evaluator reads it: the conversation, the response with its tool calls and results, and
/// the named contexts (the case's grounding documents and tools, and the whole trial for our own assertions). Built once
/// per trial and shared by its assertions, since every assertion is scored through an evaluator.</summary>
internal sealed class TrialTranscript
{
    private TrialTranscript(AssertionContext source)
    {
        Source = source;
        Messages = ChatTranscript.Conversation(source.Case);
        Response = ChatTranscript.Response(source.Response);
        Contexts = [.. ChatTranscript.Contexts(source.Case), new TrialEvaluationContext(source)];
    }

    /// <summary>The exact context this was built from (a copy made with <c>with</c> builds its own).</summary>
    public AssertionContext Source { get; }

    public IReadOnlyList<ChatMessage> Messages { get; }

    public ChatResponse Response { get; }

    public IReadOnlyList<EvaluationContext> Contexts { get; }

    public static TrialTranscript Of(AssertionContext context) => new(context);
}
