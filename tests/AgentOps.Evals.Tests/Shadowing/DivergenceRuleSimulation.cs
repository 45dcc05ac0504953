using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Shadowing;

namespace AgentOps.Evals.Tests.Shadowing;

/// <summary>
/// Simulated shadow sets for the max-divergence decision rule. Two families of answer generators: the tuned family
/// (short one-sentence support answers, noise = choosing among paraphrases) is the one the rule's default (0.15) was
/// checked on; the held-out family (multi-sentence answers, noise = sentence order and filler, divergence = a dropped
/// fact and a different policy) was written after and never used to adjust anything.
/// </summary>
internal static class DivergenceRuleSimulation
{
    public sealed record Rates(double FalseFail, double EquivalentPass, double Detection);

    private static readonly string[][] TunedIntents =
    [
        ["Your order ships tomorrow.", "It will ship tomorrow.", "Tomorrow your order goes out."],
        ["You can return it within 14 days.", "Returns are accepted for 14 days.", "You have 14 days to send it back."],
        ["I've reset your password; check your email.", "A reset link is in your inbox.", "Check your email for the reset link."],
        ["Your refund is on its way.", "We've issued your refund.", "The refund has been sent."],
    ];

    public static Rates Tuned(int seeds) => Run(seeds, TunedGen);

    private static (List<string>, List<string>) TunedGen(Random random, int input, bool divergent)
    {
        var intent = TunedIntents[input % TunedIntents.Length];
        var other = TunedIntents[(input + 1) % TunedIntents.Length];
        return (Answers(random, intent), Answers(random, divergent ? other : intent));
    }

    private static readonly string[] Facts =
    [
        "Order {0} came on June {1}.", "Returns are free within 14 days.", "Refunds go to your card.",
    ];

    private static readonly string[] Fillers = ["Sure!", "Happy to help.", "Thanks for reaching out.", "", "Of course."];

    public static Rates HeldOut(int seeds) => Run(seeds, HeldOutGen);

    private static (List<string>, List<string>) HeldOutGen(Random random, int input, bool divergent)
    {
        var facts = Facts.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, $"A-{1000 + input}", 1 + input % 28)).ToArray();
        string Answer(Random r, bool changed)
        {
            var kept = changed
                ? facts.Take(1).Append("You get store credit for 30 days.")
                : facts;
            var ordered = kept.Skip(1).OrderBy(_ => r.Next()).Prepend(kept.First());
            return (Fillers[r.Next(Fillers.Length)] + " " + string.Join(" ", ordered)).Trim();
        }
        return (Enumerable.Range(0, 3).Select(_ => Answer(random, false)).ToList(), Enumerable.Range(0, 3).Select(_ => Answer(random, divergent)).ToList());
    }

    /// <summary>Mean excess divergence of one simulated set per family and kind (diagnostic).</summary>
    public static IEnumerable<(string, double)> MeanExcess()
    {
        foreach (var (name, gen) in new (string, Func<Random, int, bool, (List<string>, List<string>)>)[] { ("tuned", TunedGen), ("held-out", HeldOutGen) })
            foreach (var divergent in new[] { false, true })
            {
                var random = new Random(1);
                var set = Enumerable.Range(0, 20).Select(i => { var (b, c) = gen(random, i, divergent && i % 2 == 0); return ShadowFixtures.Compare($"x{i}", b, c); }).ToList();
                yield return ($"{name} {(divergent ? "divergent" : "equivalent")}", set.Average(c => c.Output.Excess));
            }
    }

    private static List<string> Answers(Random random, string[] phrasings) => Enumerable.Range(0, 3).Select(_ => phrasings[random.Next(phrasings.Length)]).ToList();

    /// <summary>Per seed, one shadow set of 20 inputs (k = 3) with an equivalent candidate and one where half the inputs answer differently.</summary>
    private static Rates Run(int seeds, Func<Random, int, bool, (List<string> Baseline, List<string> Candidate)> generate)
    {
        var options = new ShadowOptions { MaxCostRatio = null, MaxP95LatencyRatio = null, MaxJudgeLossRate = null, Slices = [] };
        int falseFail = 0, equivalentPass = 0, detected = 0;
        for (var seed = 0; seed < seeds; seed++)
        {
            var random = new Random(seed);
            var equivalent = new List<InputComparison>();
            var divergent = new List<InputComparison>();
            for (var i = 0; i < 20; i++)
            {
                var (b, c) = generate(random, i, false);
                equivalent.Add(ShadowFixtures.Compare($"e{i}", b, c));
                var (b2, c2) = generate(random, i, i % 2 == 0);
                divergent.Add(ShadowFixtures.Compare($"d{i}", b2, c2));
            }
            var eq = ShadowEvaluator.Evaluate(equivalent, options, judged: false).Outcome;
            if (eq == GateOutcome.Fail) falseFail++;
            if (eq == GateOutcome.Pass) equivalentPass++;
            if (ShadowEvaluator.Evaluate(divergent, options, judged: false).Outcome == GateOutcome.Fail) detected++;
        }
        return new Rates((double)falseFail / seeds, (double)equivalentPass / seeds, (double)detected / seeds);
    }
}
