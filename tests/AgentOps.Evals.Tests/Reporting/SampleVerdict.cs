using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Reporting;

/// <summary>A fixed, hand-written gate input (no randomness, no clock) whose verdict the golden files render.</summary>
internal static class SampleVerdict
{
    private static readonly RunCase[] Cases =
    [
        new("refunds-eu-012", "refunds", "P0", ["refunds", "locale:de-DE"], "golden-set/refunds/refunds-eu-012.yaml", 3, "EU refund window"),
        new("refunds-us-003", "refunds", "P1", ["refunds", "locale:en-US"], "golden-set/refunds/refunds-us-003.yaml", 3, "US refund window"),
        new("shipping-de-004", "shipping", "P2", ["shipping", "locale:de-DE"], "golden-set/shipping/shipping-de-004.yaml", 3, "Delivery time to Berlin"),
        new("shipping-us-001", "shipping", "P2", ["shipping", "locale:en-US"], "golden-set/shipping/shipping-us-001.yaml", 3, "Delivery time to Ohio"),
        new("tone-001", "", "P3", ["tone"], "golden-set/tone-001.yaml", 3, "Polite refusal"),
    ];

    public static GateVerdict Create()
    {
        var baselineTrials = new List<TrialResult>();
        var candidateTrials = new List<TrialResult>();
        // (case, baseline outcomes, candidate outcomes); latencies and costs are fixed per side.
        Add("refunds-eu-012", "PPP", "FFF", "You can return it within 30 days.", "contains", "expected \"14 days\" in the response");
        Add("refunds-us-003", "PPP", "PPP", "Returns are accepted within 30 days.", null, null);
        Add("shipping-de-004", "PPF", "PFF", "Delivery takes 2–3 business days.", "regex", "no match for /\\d+ business days/ within 100 ms");
        Add("shipping-us-001", "PPP", "PPI", "Standard shipping is 5 days.", null, null);
        Add("tone-001", "FFF", "PPP", "I'm sorry, I can't help with that.", null, null);

        var baseline = Run("run-base-0001", new CandidateIdentity("prod", "gpt-4.1-mini", "1a2b3c4d", "replay", "0.1.0"));
        var candidate = Run("run-cand-0002", new CandidateIdentity("next", "gpt-5-mini", "5e6f7a8b", "replay", "0.1.0"));
        var options = new GateOptions { MaxP95LatencyMs = 8000, MaxInfraErrorRate = 0.10, Slices = ["locale:*", "suite:refunds", "severity:P0"] };
        // What the gate says about extra trials when they were spent (every report must carry it, JUnit and HTML included).
        return GateEvaluator.Evaluate(new GateInput(baseline, baselineTrials, candidate, candidateTrials, options)) with
        {
            ExtraTrials = 6,
            ExtraTrialBudget = 30,
            ExtraTrialNote = "6 extra trials (budget 30) on 1 case(s): 0 P0 case(s), 1 whose outcomes varied (shipping-de-004), 0 steady case(s) drawn at random " +
                             "so the drop estimate stays unbiased; α = 0.01 spent at the base look, 0.04 after the extra trials",
        };

        void Add(string id, string baseOutcomes, string candOutcomes, string output, string? failedType, string? reason)
        {
            Trials(baselineTrials, "run-base-0001", id, baseOutcomes, output, failedType, reason, 1000, 0.0010m);
            Trials(candidateTrials, "run-cand-0002", id, candOutcomes, output, failedType, reason, 1200, 0.0012m);
        }
    }

    private static void Trials(List<TrialResult> into, string runId, string id, string outcomes, string output, string? failedType, string? reason, double latency, decimal cost)
    {
        for (var i = 0; i < outcomes.Length; i++)
        {
            var outcome = outcomes[i] switch { 'P' => TrialOutcome.Passed, 'F' => TrialOutcome.Failed, _ => TrialOutcome.InfraError };
            into.Add(new TrialResult
            {
                RunId = runId,
                CaseId = id,
                TrialIndex = i,
                Outcome = outcome,
                Output = outcome == TrialOutcome.InfraError ? "" : output,
                Assertions = outcome switch
                {
                    TrialOutcome.Passed => [AssertionResult.Pass("contains", "found")],
                    TrialOutcome.Failed => [AssertionResult.Pass("max-latency-ms", "ok"), AssertionResult.Fail(failedType ?? "contains", reason ?? "expected text missing")],
                    _ => [],
                },
                Error = outcome == TrialOutcome.InfraError ? "HTTP 503 after 4 retries" : null,
                ErrorKind = outcome == TrialOutcome.InfraError ? "server-error" : null,
                Usage = new TokenUsage(200, 80, cost),
                LatencyMs = latency + 100 * i,
                FinishedAt = DateTimeOffset.UnixEpoch,
            });
        }
    }

    private static RunInfo Run(string id, CandidateIdentity identity) => new()
    {
        RunId = id,
        Candidate = identity,
        K = 3,
        GoldenSetRevision = "9f8e7d6c",
        StartedAt = DateTimeOffset.UnixEpoch,
        Status = RunStatus.Completed,
        Cases = Cases,
        GitCommit = "abc1234",
    };
}
