using AgentOps.Evals.Config;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Gating;

/// <summary>What the gate judges: a baseline run and a candidate run with all their trials, and the rules.</summary>
public sealed record GateInput(
    RunInfo Baseline,
    IReadOnlyList<TrialResult> BaselineTrials,
    RunInfo Candidate,
    IReadOnlyList<TrialResult> CandidateTrials,
    GateOptions Options);
