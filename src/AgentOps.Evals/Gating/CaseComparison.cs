using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Gating;

/// <summary>One paired case: its metadata, both sides' pass counts (infrastructure errors excluded), and the candidate's failures.</summary>
/// <param name="Id">The case id, shared by both runs.</param>
/// <param name="Title">The case's title, for reports.</param>
/// <param name="Suite">The suite the case belongs to (a slice).</param>
/// <param name="Severity">The case's severity (p0…); p0 regressions fail the gate on their own.</param>
/// <param name="Tags">The case's tags; each <c>key:value</c> tag is a slice.</param>
/// <param name="File">The case file, relative to the golden set, for links in reports.</param>
/// <param name="BaselinePasses">Baseline trials that passed.</param>
/// <param name="BaselineTrials">Baseline trials that were judged (not infrastructure errors).</param>
/// <param name="BaselineInfraErrors">Baseline trials that ended in an infrastructure error (counted apart, not as failures).</param>
/// <param name="CandidatePasses">Candidate trials that passed.</param>
/// <param name="CandidateTrials">Candidate trials that were judged (not infrastructure errors).</param>
/// <param name="CandidateInfraErrors">Candidate trials that ended in an infrastructure error.</param>
/// <param name="Flaky">The candidate's trials disagreed: 0 &lt; passes &lt; trials.</param>
/// <param name="Flip">How the majority moved; a tie (half the judged trials pass) on either side is never a flip.</param>
/// <param name="CandidateAgreement">How alike the candidate's outputs are across its trials.</param>
/// <param name="CandidateMeanLatencyMs">Mean latency of the candidate's judged trials; null when none.</param>
/// <param name="CandidateMaxLatencyMs">Slowest of the candidate's judged trials; null when none.</param>
/// <param name="CandidateFailures">The candidate's failed trials with their failing assertions, for the report's evidence.</param>
public sealed record CaseComparison(
    string Id,
    string Title,
    string Suite,
    string Severity,
    IReadOnlyList<string> Tags,
    string File,
    int BaselinePasses,
    int BaselineTrials,
    int BaselineInfraErrors,
    int CandidatePasses,
    int CandidateTrials,
    int CandidateInfraErrors,
    CaseFlip Flip,
    bool Flaky,
    OutputAgreement CandidateAgreement,
    double? CandidateMeanLatencyMs,
    double? CandidateMaxLatencyMs,
    IReadOnlyList<TrialFailure> CandidateFailures)
{
    /// <summary>Both sides have at least one judged trial, so the case counts in pass rates and flips.</summary>
    public bool Comparable => BaselineTrials > 0 && CandidateTrials > 0;

    /// <summary>The drop the paired statistics use when extra trials were added: the two-stage estimate (unbiased under
    /// the adaptive allocation, see <see cref="TwoStageEstimate"/>), not the pooled fraction difference; null without extra trials.</summary>
    public double? DropEstimate { get; init; }

    /// <summary>The judged counts of this case's extra trials alone (included in the pass counts above); null without extra trials.</summary>
    public CaseCounts? ExtraCounts { get; init; }

    /// <summary>The judged counts of the base stage: all judged trials less the extra ones.</summary>
    public CaseCounts BaseCounts => ExtraCounts is { } e
        ? new(BaselinePasses - e.BaselinePasses, BaselineTrials - e.BaselineTrials, CandidatePasses - e.CandidatePasses, CandidateTrials - e.CandidateTrials)
        : new(BaselinePasses, BaselineTrials, CandidatePasses, CandidateTrials);

    /// <summary>Both sides' judged pass counts (and the two-stage drop, when there is one), for the paired statistics.</summary>
    public CaseCounts Counts => new(BaselinePasses, BaselineTrials, CandidatePasses, CandidateTrials) { Estimate = DropEstimate };

    /// <summary>More than half of the candidate's judged trials passed (a tie is not a majority).</summary>
    public bool CandidateMajorityPassed => CaseFlips.MajorityPassed(CandidatePasses, CandidateTrials);
}
