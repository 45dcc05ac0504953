namespace AgentOps.Evals.Statistics;

/// <summary>
/// Flips of per-case majority outcomes over judged trials (a case "passes" when more than half pass, "fails"
/// when fewer than half pass; an exact tie is neither, so one infrastructure error that leaves 1 of 2 judged
/// trials passing cannot flip a case): regressions went pass → fail, improvements fail → pass, with the
/// exact McNemar p-value on those discordant pairs.
/// </summary>
internal static class CaseFlips
{
    public static bool MajorityPassed(int passes, int trials) => trials > 0 && passes * 2 > trials;

    public static bool MajorityFailed(int passes, int trials) => trials > 0 && passes * 2 < trials;

    /// <summary>How the case's majority moved; ties on either side never count as a flip.</summary>
    public static int Direction(int baselinePasses, int baselineTrials, int candidatePasses, int candidateTrials) =>
        MajorityPassed(baselinePasses, baselineTrials) && MajorityFailed(candidatePasses, candidateTrials) ? -1
        : MajorityFailed(baselinePasses, baselineTrials) && MajorityPassed(candidatePasses, candidateTrials) ? 1
        : 0;

    public static FlipCounts Count(IEnumerable<(string CaseId, int BaselinePasses, int BaselineTrials, int CandidatePasses, int CandidateTrials)> cases)
    {
        var regressions = new List<string>();
        var improvements = new List<string>();
        foreach (var c in cases)
        {
            if (c.BaselineTrials == 0 || c.CandidateTrials == 0) continue;
            var direction = Direction(c.BaselinePasses, c.BaselineTrials, c.CandidatePasses, c.CandidateTrials);
            if (direction < 0) regressions.Add(c.CaseId);
            else if (direction > 0) improvements.Add(c.CaseId);
        }
        regressions.Sort(StringComparer.Ordinal);
        improvements.Sort(StringComparer.Ordinal);
        return new FlipCounts(regressions, improvements, McNemarTest.ExactPValue(regressions.Count, improvements.Count));
    }
}
