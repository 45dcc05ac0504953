using AgentOps.Evals.Cases;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Targets;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Running;

/// <summary>Everything a run needs: which run it is, the cases, who answers them, and how they are judged.</summary>
internal sealed record RunPlan
{
    public required RunInfo Run { get; init; }
    public required IReadOnlyList<GoldenCase> Cases { get; init; }
    public required ITarget Target { get; init; }
    public required EvaluatorRegistry Evaluators { get; init; }
    public int Concurrency { get; init; } = 16;
    public IChatClient? Judge { get; init; }
    public IEmbeddingGenerator<string, Embedding<float>>? Embeddings { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>On resume, run again the stored trials that ended in an infrastructure error (<c>--retry-infra</c>).</summary>
    public bool RetryInfraErrors { get; init; }

    /// <summary>Trials wanted per case id beyond the plan (the gate's extra trials, indices ≥ k); null = the plan only.</summary>
    public IReadOnlyDictionary<string, int>? TrialCounts { get; init; }

    /// <summary>The number of trials a case gets: what <see cref="TrialCounts"/> asks, else its own consistency.k, else the run's k.</summary>
    public int TrialsFor(GoldenCase goldenCase) =>
        TrialCounts is not null && TrialCounts.TryGetValue(goldenCase.Id, out var wanted) ? wanted : goldenCase.Consistency?.K ?? Run.K;
}
