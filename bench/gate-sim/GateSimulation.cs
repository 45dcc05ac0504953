using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.GateSim;

/// <summary>A family of per-case pass-probability mixtures; <see cref="Held"/> is the one never tuned on.</summary>
public enum MixtureFamily { Tuned, Held }

/// <summary>What the candidate does relative to the baseline in one simulated cell.</summary>
public enum Scenario { Equal, Drop3, Drop5, Drop10, P0Regression, P0Crash, Infra30, Partial, ManySlices }

/// <summary>One simulated gate: seeded runs drawn from per-case pass probabilities, judged by the library's own code.</summary>
public static class GateSimulation
{
    public static readonly GateOptions Options = new()
    {
        MaxPassRateDrop = 0.05, P0Regressions = 0, MinPassRate = null, MinConsistency = null, MaxCostRatio = null, MaxP95LatencyMs = null,
        Slices = ["suite:*", "locale:*"],
    };

    /// <summary>One seeded cell run: the verdict without extra trials, and with them (the sequential loop).</summary>
    /// <param name="history">Earlier completed baseline runs in the store (same identity), drawn from the same world's baseline rates
    /// after the two current runs (so the current runs are the same draws with or without history).</param>
    public static (GateVerdict Base, GateVerdict Sequential, int BaseCalls) Run(MixtureFamily family, Scenario scenario, int cases, int k, int seed, int history = 0)
    {
        // Not HashCode.Combine: it is randomized per process, which made "fixed seeds" draw different worlds every run.
        var random = new Random(unchecked((((int)family * 397 + (int)scenario) * 7919 + cases) * 104729 + k * 31 + seed * 1_000_003));
        var world = World.Draw(family, scenario, cases, random);
        var baseline = Generate("base", "prod", world, world.Baseline, k, random, infra: scenario == Scenario.Infra30 ? 0.3 : 0, crashP0: false, partial: false);
        var candidate = Generate("cand", "next", world, world.Candidate, k, random, infra: scenario == Scenario.Infra30 ? 0.3 : 0,
            crashP0: scenario == Scenario.P0Crash, partial: scenario == Scenario.Partial);
        var earlier = new List<TrialResult>();
        for (var h = 0; h < history; h++)
            earlier.AddRange(Generate($"base-earlier-{h}", "prod", world, world.Baseline, k, random, infra: scenario == Scenario.Infra30 ? 0.3 : 0, crashP0: false, partial: false).Trials);
        var options = scenario == Scenario.ManySlices ? Options with { Slices = ["suite:*", "locale:*", "team:*"] } : Options;
        var input = new GateInput(baseline.Run, baseline.Trials, candidate.Run, candidate.Trials, options) { BaselineHistory = earlier };
        var single = GateEvaluator.Evaluate(input);
        var extra = new Random(seed * 7919 + 17);
        var sequential = SequentialGate.EvaluateAsync(input, (requests, _) =>
        {
            var results = new List<TrialResult>();
            foreach (var r in requests)
            {
                var side = r.Side == "baseline" ? world.Baseline : world.Candidate;
                var index = world.Index[r.CaseId];
                for (var i = 0; i < r.Trials; i++)
                    results.Add(Trial(r.RunId, r.CaseId, r.FirstTrialIndex + i, extra.NextDouble() < side[index], infra: false));
            }
            return Task.FromResult<IReadOnlyList<TrialResult>>(results);
        }).GetAwaiter().GetResult();
        return (single, sequential, baseline.Trials.Count + candidate.Trials.Count);
    }

    private static (RunInfo Run, List<TrialResult> Trials) Generate(
        string runId, string name, World world, double[] p, int k, Random random, double infra, bool crashP0, bool partial)
    {
        var trials = new List<TrialResult>();
        var stored = partial ? (int)(world.Ids.Length * 0.3) : world.Ids.Length;
        for (var c = 0; c < stored; c++)
        {
            var crash = crashP0 && c == world.P0Target;
            for (var i = 0; i < k; i++)
            {
                var isInfra = crash || random.NextDouble() < infra;
                trials.Add(Trial(runId, world.Ids[c], i, random.NextDouble() < p[c], isInfra));
            }
        }
        var run = new RunInfo
        {
            RunId = runId,
            Candidate = new CandidateIdentity(name, name + "-model", "abcd1234", "sim", "0.1.0"),
            K = k,
            GoldenSetRevision = "rev",
            StartedAt = DateTimeOffset.UnixEpoch,
            Status = partial ? RunStatus.Running : RunStatus.Completed,
            Cases = world.Ids.Select((id, c) => new RunCase(id, world.Suites[c], c == world.P0Target || world.P0[c] ? "P0" : "P2", world.Tags[c], $"{id}.yaml", k)).ToList(),
        };
        return (run, trials);
    }

    private static TrialResult Trial(string runId, string caseId, int index, bool passed, bool infra) => new()
    {
        RunId = runId,
        CaseId = caseId,
        TrialIndex = index,
        Outcome = infra ? TrialOutcome.InfraError : passed ? TrialOutcome.Passed : TrialOutcome.Failed,
        Output = passed ? "ok" : "no",
        LatencyMs = 1000,
    };

    /// <summary>The true per-case pass probabilities of both sides, and each case's metadata.</summary>
    private sealed record World(string[] Ids, string[] Suites, string[][] Tags, bool[] P0, int P0Target, double[] Baseline, double[] Candidate, Dictionary<string, int> Index)
    {
        public static World Draw(MixtureFamily family, Scenario scenario, int n, Random random)
        {
            var ids = Enumerable.Range(0, n).Select(i => $"case-{i:000}").ToArray();
            var suites = ids.Select(_ => "s" + random.Next(4)).ToArray();
            var tags = ids.Select(_ => new[] { "locale:l" + random.Next(6), "team:t" + random.Next(12) }).ToArray();
            var p0 = ids.Select(_ => random.NextDouble() < 0.1).ToArray();
            var baseline = ids.Select(_ => family == MixtureFamily.Tuned ? TunedRate(random) : HeldRate(random)).ToArray();
            var candidate = (double[])baseline.Clone();
            // The P0 case a P0 scenario breaks: a reliable one, as a real P0 case would be.
            var target = Array.FindIndex(baseline, p => p > 0.95);
            if (target < 0) target = 0;
            if (scenario is Scenario.P0Regression or Scenario.P0Crash) p0[target] = true;
            var drop = scenario switch { Scenario.Drop3 => 0.03, Scenario.Drop5 => 0.05, Scenario.Drop10 => 0.10, _ => 0 };
            if (drop > 0) ApplyDrop(family, baseline, candidate, drop, random);
            if (scenario == Scenario.P0Regression) candidate[target] = 0.05;
            return new World(ids, suites, tags, p0, scenario is Scenario.P0Regression or Scenario.P0Crash ? target : -1, baseline, candidate,
                ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i, StringComparer.Ordinal));
        }

        // Tuned family: 80% near 1, 15% flaky, 5% low (uniform within each band).
        private static double TunedRate(Random r)
        {
            var u = r.NextDouble();
            return u < 0.80 ? 0.97 + 0.03 * r.NextDouble() : u < 0.95 ? 0.5 + 0.4 * r.NextDouble() : 0.05 + 0.25 * r.NextDouble();
        }

        // Held-out family (never tuned on): Beta-distributed rates, a larger flaky share (65% Beta(30,1), 30% Beta(3,1.5), 5% Beta(1,3)).
        private static double HeldRate(Random r)
        {
            var u = r.NextDouble();
            return u < 0.65 ? Beta(r, 30, 1) : u < 0.95 ? Beta(r, 3, 1.5) : Beta(r, 1, 3);
        }

        // Tuned: the drop is concentrated, some cases break (lose half their rate or more). Held: spread, every case loses in proportion.
        private static void ApplyDrop(MixtureFamily family, double[] baseline, double[] candidate, double drop, Random r)
        {
            var n = baseline.Length;
            if (family == MixtureFamily.Held)
            {
                var mean = baseline.Average();
                for (var i = 0; i < n; i++) candidate[i] = Math.Max(0, baseline[i] * (1 - drop / mean));
                return;
            }
            var target = drop * n;
            foreach (var i in Enumerable.Range(0, n).OrderBy(_ => r.Next()))
            {
                if (target <= 1e-9) break;
                var loss = Math.Min(Math.Min(baseline[i], 0.7), target);
                candidate[i] = baseline[i] - loss;
                target -= loss;
            }
        }

        private static double Beta(Random r, double a, double b)
        {
            var x = Gamma(r, a);
            return x / (x + Gamma(r, b));
        }

        // Marsaglia–Tsang; a < 1 via the boost u^(1/a).
        private static double Gamma(Random r, double a)
        {
            if (a < 1) return Gamma(r, a + 1) * Math.Pow(r.NextDouble(), 1 / a);
            var d = a - 1.0 / 3;
            var c = 1 / Math.Sqrt(9 * d);
            while (true)
            {
                double x, v;
                do
                {
                    x = Normal(r);
                    v = 1 + c * x;
                } while (v <= 0);
                v = v * v * v;
                var u = r.NextDouble();
                if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
            }
        }

        private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
    }
}
