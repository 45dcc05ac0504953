using AgentOps.Evals.Evaluation.Similarity;
using AgentOps.Evals.Statistics;

namespace AgentOps.Evals.Shadowing;

/// <summary>
/// How far apart the two candidates' answers are, against how far apart each side's own k answers already are.
/// A model that samples differently every time would look "divergent" from anything; the noise floor (the two sides'
/// own agreement, averaged) is what the cross agreement is held to, so only disagreement beyond the noise counts.
/// </summary>
/// <param name="CrossAgreement">Mean similarity over every (baseline answer, candidate answer) pair.</param>
/// <param name="NoiseFloor">Mean of the sides' own pairwise agreement (a side with one answer does not count).</param>
/// <param name="Excess">NoiseFloor − CrossAgreement: what the max-divergence rule judges (can be below 0 by chance).</param>
/// <param name="CrossExactRate">Share of cross pairs that are the same answer after normalization.</param>
public sealed record OutputDivergence(double CrossAgreement, double NoiseFloor, double Excess, double CrossExactRate)
{
    /// <summary>Compares every (baseline, candidate) answer pair against each side's own agreement.</summary>
    internal static OutputDivergence Compute(SideFigures baseline, SideFigures candidate)
    {
        var a = baseline.Outputs.Select(OutputAgreement.Normalize).ToArray();
        var b = candidate.Outputs.Select(OutputAgreement.Normalize).ToArray();
        if (a.Length == 0 || b.Length == 0) return new OutputDivergence(double.NaN, double.NaN, double.NaN, double.NaN);
        double similarity = 0;
        var exact = 0;
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (string.Equals(x, y, StringComparison.Ordinal)) { exact++; similarity += 1; }
                else similarity += Levenshtein.Similarity(x, y);
            }
        }
        var pairs = a.Length * b.Length;
        var cross = similarity / pairs;
        // A side with a single answer (the production recording) has no spread of its own to show.
        var floors = new List<double>();
        if (baseline.Trials > 1) floors.Add(baseline.OwnAgreement);
        if (candidate.Trials > 1) floors.Add(candidate.OwnAgreement);
        var floor = floors.Count == 0 ? 1 : floors.Average();
        return new OutputDivergence(cross, floor, floor - cross, (double)exact / pairs);
    }
}
