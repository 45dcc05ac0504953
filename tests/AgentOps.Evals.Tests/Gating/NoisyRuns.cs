using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Gating;

/// <summary>
/// A seeded noisy stand-in for a model: runs and trials drawn straight from per-case pass probabilities,
/// so the gate's error rates can be measured over seeds without a model, a disk or a clock.
/// </summary>
internal static class NoisyRuns
{
    public static (RunInfo Run, IReadOnlyList<TrialResult> Trials) Generate(
        string runId, string candidate, IReadOnlyList<FakeCase> cases, int k, Random random,
        double infraErrorRate = 0, decimal costPerTrial = 0.001m, double latencyMs = 1000)
    {
        var trials = new List<TrialResult>();
        foreach (var c in cases)
        {
            for (var i = 0; i < k; i++)
            {
                var infra = random.NextDouble() < infraErrorRate;
                var passed = random.NextDouble() < c.PassProbability;
                trials.Add(new TrialResult
                {
                    RunId = runId,
                    CaseId = c.Id,
                    TrialIndex = i,
                    Outcome = infra ? TrialOutcome.InfraError : passed ? TrialOutcome.Passed : TrialOutcome.Failed,
                    Output = infra ? "" : passed ? $"The answer to {c.Id} is right." : $"Something else about {c.Id}.",
                    Assertions = infra ? [] : [passed ? AssertionResult.Pass("contains", "found") : AssertionResult.Fail("contains", "expected 'right'")],
                    Error = infra ? "429 after 4 retries" : null,
                    ErrorKind = infra ? "rate-limited" : null,
                    Usage = new TokenUsage(100, 50, costPerTrial),
                    LatencyMs = latencyMs * (0.5 + random.NextDouble()),
                });
            }
        }
        var run = new RunInfo
        {
            RunId = runId,
            Candidate = new CandidateIdentity(candidate, $"{candidate}-model", "abcd1234", "fake", "0.1.0"),
            K = k,
            GoldenSetRevision = "rev1",
            StartedAt = DateTimeOffset.UnixEpoch,
            Status = RunStatus.Completed,
            Cases = cases.Select(c => new RunCase(c.Id, c.Suite, c.Severity, c.TagList, $"golden-set/{c.Suite}/{c.Id}.yaml", k)).ToList(),
        };
        return (run, trials);
    }

    public static GateVerdict Gate(
        IReadOnlyList<FakeCase> baseline, IReadOnlyList<FakeCase> candidate, int k, int seed, GateOptions options,
        double candidateInfraErrorRate = 0, decimal candidateCost = 0.001m, double candidateLatencyMs = 1000)
    {
        var random = new Random(seed);
        var (baseRun, baseTrials) = Generate("base", "prod", baseline, k, random);
        var (candRun, candTrials) = Generate("cand", "next", candidate, k, random, candidateInfraErrorRate, candidateCost, candidateLatencyMs);
        return GateEvaluator.Evaluate(new GateInput(baseRun, baseTrials, candRun, candTrials, options));
    }
}
