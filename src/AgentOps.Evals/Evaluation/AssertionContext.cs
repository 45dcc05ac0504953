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
}
