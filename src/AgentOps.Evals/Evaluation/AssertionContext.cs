using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Evaluation;

/// <summary>What an evaluator sees: the case, the target's response and the services model-graded checks need.</summary>
public sealed record AssertionContext(GoldenCase Case, TargetResponse Response, CandidateIdentity Candidate, int TrialIndex)
{
    /// <summary>The judge for model-graded assertions; null when none is configured.</summary>
    public IChatClient? Judge { get; init; }

    /// <summary>Embeddings for <c>similar</c>; null when none is configured.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }

    private Meai.TrialTranscript? _transcript;

    /// <summary>This trial as MEAI evaluators read it, built on first use and shared by the trial's assertions; a copy made
    /// with <c>with</c> (a turn of a conversation, another judge) builds its own.</summary>
    internal Meai.TrialTranscript Transcript =>
        _transcript is { } built && ReferenceEquals(built.Source, this) ? built : _transcript = Meai.TrialTranscript.Of(this);
}
