using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Shadowing;

namespace AgentOps.Evals.Tests.Shadowing;

/// <summary>
/// Simulated rubric scores for the min-rubric-score-delta rule (limit −0.5, 20 or 60 inputs, k = 3). The developed family: a
/// graded judge (each input has a true quality 2–5, each answer's score is it ±1 with probability 0.2 each way; the worse
/// candidate loses 2 points on half the inputs). The held-out family, written after and never used to adjust anything: a
/// judge that scores almost pass/fail (1 or 5; a tenth of scores flip at random), the worse candidate failing 30% of the
/// inputs the baseline passes.
/// </summary>
internal static class RubricRuleSimulation
{
    public sealed record Rates(double FalseFail, double EquivalentPass, double Detection);

    private static readonly ShadowOptions Options = new()
    {
        MaxCostRatio = null, MaxP95LatencyRatio = null, MaxDivergence = null, MaxJudgeLossRate = null, Slices = [],
        Rubric = "rubric", MinRubricScoreDelta = -0.5,
    };

    public static Rates Developed(int seeds, int inputs = 20) => Run(seeds, inputs, (random, input, worse) =>
    {
        var quality = 2 + random.Next(4);
        double Score(int q) { var u = random.NextDouble(); return Math.Clamp(q + (u < 0.2 ? -1 : u < 0.4 ? 1 : 0), 1, 5); }
        var candidateQuality = worse && input % 2 == 0 ? Math.Max(1, quality - 2) : quality;
        return (Enumerable.Range(0, 3).Select(_ => Score(quality)).ToList(), Enumerable.Range(0, 3).Select(_ => Score(candidateQuality)).ToList());
    });

    public static Rates HeldOut(int seeds, int inputs = 20) => Run(seeds, inputs, (random, input, worse) =>
    {
        var passes = random.NextDouble() < 0.8;
        double Score(bool pass) => (random.NextDouble() < 0.1 ? !pass : pass) ? 5 : 1;
        var candidatePasses = passes && !(worse && random.NextDouble() < 0.3);
        return (Enumerable.Range(0, 3).Select(_ => Score(passes)).ToList(), Enumerable.Range(0, 3).Select(_ => Score(candidatePasses)).ToList());
    });

    private static Rates Run(int seeds, int inputs, Func<Random, int, bool, (List<double> Baseline, List<double> Candidate)> generate)
    {
        int falseFail = 0, equivalentPass = 0, detected = 0;
        for (var seed = 0; seed < seeds; seed++)
        {
            var random = new Random(seed);
            List<InputComparison> Set(bool worse) => Enumerable.Range(0, inputs).Select(i =>
            {
                var (b, c) = generate(random, i, worse);
                return ShadowFixtures.Compare($"r{i}", ["a"], ["a"]) with
                {
                    BaselineRubric = new RubricScores(b.Select(x => (double?)x).ToList(), b.Select(_ => "").ToList()),
                    CandidateRubric = new RubricScores(c.Select(x => (double?)x).ToList(), c.Select(_ => "").ToList()),
                };
            }).ToList();
            var eq = ShadowEvaluator.Evaluate(Set(false), Options, judged: true, rubricScored: true).Outcome;
            if (eq == GateOutcome.Fail) falseFail++;
            if (eq == GateOutcome.Pass) equivalentPass++;
            if (ShadowEvaluator.Evaluate(Set(true), Options, judged: true, rubricScored: true).Outcome == GateOutcome.Fail) detected++;
        }
        return new Rates((double)falseFail / seeds, (double)equivalentPass / seeds, (double)detected / seeds);
    }
}
