namespace AgentOps.Evals.Statistics;

/// <summary>
/// Flips of per-case majority outcomes (a case "passes" when more than half its trials pass): regressions
/// went pass → fail, improvements fail → pass, with the exact McNemar p-value on those discordant pairs.
/// </summary>
internal static class CaseFlips
{
    public static bool MajorityPassed(int passes, int trials) => trials > 0 && passes * 2 > trials;

    public static FlipCounts Count(IEnumerable<(string CaseId, int BaselinePasses, int BaselineTrials, int CandidatePasses, int CandidateTrials)> cases)
    {
        var regressions = new List<string>();
        var improvements = new List<string>();
        foreach (var c in cases)
        {
            if (c.BaselineTrials == 0 || c.CandidateTrials == 0) continue;
            var before = MajorityPassed(c.BaselinePasses, c.BaselineTrials);
            var after = MajorityPassed(c.CandidatePasses, c.CandidateTrials);
            if (before && !after) regressions.Add(c.CaseId);
            else if (!before && after) improvements.Add(c.CaseId);
        }
        regressions.Sort(StringComparer.Ordinal);
        improvements.Sort(StringComparer.Ordinal);
        return new FlipCounts(regressions, improvements, McNemarTest.ExactPValue(regressions.Count, improvements.Count));
    }
}
