using System.Security.Cryptography;
using System.Text;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Gating;

/// <summary>
/// Which cases get extra trials and how many. Cases whose outcomes vary (within a side, or between sides) and
/// cases an undecided P0 rule names carry most of what a trial can sharpen, so each gets m extra trials a side
/// (up to 3k). Every other comparable case (steady: 3/3 against 3/3) is still drawn with a known probability —
/// a simple random sample, seeded by the two run ids so a repeated gate draws the same cases — getting about a
/// quarter of a varying case's trials in expectation: without that, steady cases could never show a small true
/// drop and the estimate would be biased toward no drop (see <see cref="TwoStageEstimate"/>). Both sides of a
/// chosen case get the same number of trials, so the design stays symmetric.
/// </summary>
internal static class ExtraTrialPlanner
{
    /// <summary>Expected extra trials of a steady case relative to a varying one (≈ the ratio of their binomial spreads, Neyman allocation).</summary>
    public const double SteadyShare = 0.25;

    /// <summary>Outcomes vary within a side (0 &lt; passes &lt; trials) or the sides disagree.</summary>
    public static bool Varies(CaseComparison c) =>
        c.Comparable && (
            (c.BaselinePasses > 0 && c.BaselinePasses < c.BaselineTrials)
            || (c.CandidatePasses > 0 && c.CandidatePasses < c.CandidateTrials)
            || c.BaselinePasses * c.CandidateTrials != c.CandidatePasses * c.BaselineTrials);

    /// <summary>The allocation for one round of extra trials after <paramref name="verdict"/> (the base look).</summary>
    /// <param name="verdict">The verdict of the base look, whose cases are ranked for extra trials.</param>
    /// <param name="budget">Extra trials the round may spend, both sides together.</param>
    /// <param name="k">Base trials per case (the most per side a varying case gets is 3k).</param>
    public static IReadOnlyList<ExtraTrialAllocation> Plan(GateVerdict verdict, int budget, int k)
    {
        var perSideBudget = budget / 2;
        if (perSideBudget < 1) return [];
        var priority = verdict.Findings
            .Where(f => f.Rule == "p0-regressions" && f.Evidence?.Decision == GateOutcome.Inconclusive)
            .SelectMany(f => f.Cases)
            .ToHashSet(StringComparer.Ordinal);
        var comparable = verdict.Cases.Where(c => c.Comparable).ToList();
        var plan = new List<ExtraTrialAllocation>();
        // P0 cases a P0 rule left undecided come first, 3k a side each: one P0 case decides the whole gate, and a
        // binary verdict on one case needs the trials more than the mean drop does.
        foreach (var c in comparable.Where(c => priority.Contains(c.Id)))
        {
            var m = Math.Min(3 * Math.Max(1, k), perSideBudget);
            if (m < 1) break;
            plan.Add(new ExtraTrialAllocation(c.Id, m, 1, Priority: true));
            perSideBudget -= m;
        }
        comparable = comparable.Where(c => !priority.Contains(c.Id)).ToList();
        var varying = comparable.Where(Varies).ToList();
        var steady = comparable.Where(c => !Varies(c)).ToList();
        if (varying.Count == 0 || perSideBudget < 1) return plan;

        // Largest m ≤ 3k whose expected cost fits: |V|·m + |S|·min(k, share·m) per side.
        double SteadyTrials(int m) => Math.Min(k, SteadyShare * m);
        var perVarying = 0;
        for (var m = 3 * Math.Max(1, k); m >= 1; m--)
        {
            if (varying.Count * m + steady.Count * SteadyTrials(m) <= perSideBudget) { perVarying = m; break; }
        }
        var seed = verdict.Baseline.RunId + "\n" + verdict.Candidate.RunId;
        if (perVarying == 0)
        {
            // Too small a budget for one trial on every varying case: sample both groups at the same scale.
            var scale = perSideBudget / (varying.Count + SteadyShare * steady.Count);
            plan.AddRange(Sample(varying, 1, scale, seed));
            plan.AddRange(Sample(steady, 1, SteadyShare * scale, seed));
            return plan;
        }
        plan.AddRange(varying.Select(c => new ExtraTrialAllocation(c.Id, perVarying, 1)));
        var expected = SteadyTrials(perVarying);
        // What the varying cases leave of the budget goes to the steady draw (up to k each): unused budget is variance not removed.
        if (steady.Count > 0) expected = Math.Min(k, (perSideBudget - varying.Count * perVarying) / (double)steady.Count);
        var perSteady = Math.Max(1, (int)Math.Ceiling(expected));
        plan.AddRange(Sample(steady, perSteady, expected / perSteady, seed));
        return plan;
    }

    /// <summary>A simple random sample of ⌊share·n⌋ of <paramref name="cases"/> (the smallest seeded hashes): each case's inclusion probability is exactly that count ÷ n.</summary>
    private static IEnumerable<ExtraTrialAllocation> Sample(IReadOnlyList<CaseComparison> cases, int perSide, double share, string seed)
    {
        var count = (int)Math.Floor(Math.Clamp(share, 0, 1) * cases.Count);
        if (count == 0) return [];
        var inclusion = (double)count / cases.Count;
        return cases.OrderBy(c => Draw(seed, c.Id)).ThenBy(c => c.Id, StringComparer.Ordinal).Take(count)
            .Select(c => new ExtraTrialAllocation(c.Id, perSide, inclusion)).ToList();
    }

    /// <summary>A uniform draw in [0, 1) fixed by the runs and the case (SHA-256, not string.GetHashCode, which changes per process).</summary>
    private static double Draw(string seed, string caseId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + caseId));
        return (BitConverter.ToUInt64(hash, 0) >> 11) / (double)(1UL << 53);
    }

    /// <summary>The planned trial count of a case in a run: its own k, else the run's k.</summary>
    public static int Planned(RunInfo run, string caseId) =>
        Math.Max(1, run.Cases.FirstOrDefault(c => string.Equals(c.Id, caseId, StringComparison.Ordinal))?.K ?? run.K);
}
