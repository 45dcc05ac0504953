using AgentOps.Evals.Running;

namespace AgentOps.Evals.Gating;

/// <summary>
/// Which cases get extra trials and how many. Only cases whose outcomes vary (within a side, or between
/// sides) carry information a trial can sharpen; a case at 3/3 against 3/3 has nothing to learn. Cases
/// named by an undecided P0 rule go first, then the rest by the binomial variance of their drop, largest
/// first. Both sides of a chosen case get the same number of trials, so the design stays symmetric and an
/// equal candidate cannot drift worse by where trials were spent.
/// </summary>
internal static class ExtraTrialPlanner
{
    /// <summary>Outcomes vary within a side (0 &lt; passes &lt; trials) or the sides disagree.</summary>
    public static bool Varies(CaseComparison c) =>
        c.Comparable && (
            (c.BaselinePasses > 0 && c.BaselinePasses < c.BaselineTrials)
            || (c.CandidatePasses > 0 && c.CandidatePasses < c.CandidateTrials)
            || c.BaselinePasses * c.CandidateTrials != c.CandidatePasses * c.BaselineTrials);

    /// <param name="budget">Extra trials this round may spend, both sides together.</param>
    /// <param name="perSide">Trials per side per chosen case this round.</param>
    public static IReadOnlyList<ExtraTrialRequest> Plan(
        GateVerdict verdict, IReadOnlyDictionary<string, int> nextBaselineIndex, IReadOnlyDictionary<string, int> nextCandidateIndex,
        int budget, int perSide)
    {
        if (budget < 2 || perSide < 1) return [];
        var priority = verdict.Findings
            .Where(f => f.Rule == "p0-regressions" && f.Evidence?.Decision == GateOutcome.Inconclusive)
            .SelectMany(f => f.Cases)
            .ToHashSet(StringComparer.Ordinal);
        var chosen = verdict.Cases
            .Where(c => Varies(c) || priority.Contains(c.Id))
            .OrderByDescending(c => priority.Contains(c.Id))
            .ThenByDescending(Variance)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var requests = new List<ExtraTrialRequest>();
        var left = budget;
        foreach (var c in chosen)
        {
            var each = Math.Min(perSide, left / 2);
            if (each < 1) break;
            requests.Add(new ExtraTrialRequest(verdict.Baseline.RunId, "baseline", c.Id, nextBaselineIndex.GetValueOrDefault(c.Id), each));
            requests.Add(new ExtraTrialRequest(verdict.Candidate.RunId, "candidate", c.Id, nextCandidateIndex.GetValueOrDefault(c.Id), each));
            left -= 2 * each;
        }
        return requests;
    }

    /// <summary>The binomial variance of the case's drop estimate, at its observed fractions smoothed by one pass and one failure.</summary>
    private static double Variance(CaseComparison c)
    {
        static double V(int passes, int trials)
        {
            var p = (passes + 1.0) / (trials + 2.0);
            return p * (1 - p) / trials;
        }
        return V(c.BaselinePasses, c.BaselineTrials) + V(c.CandidatePasses, c.CandidateTrials);
    }

    /// <summary>The next free trial index per case in <paramref name="trials"/>.</summary>
    public static Dictionary<string, int> NextIndex(IEnumerable<TrialResult> trials) =>
        trials.GroupBy(t => t.CaseId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(t => t.TrialIndex) + 1, StringComparer.Ordinal);
}
