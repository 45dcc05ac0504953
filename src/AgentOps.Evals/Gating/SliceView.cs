namespace AgentOps.Evals.Gating;

/// <summary>What a rule sees of one slice: its comparable cases, their figures, and how strictly it may fail.</summary>
/// <param name="Name"><c>all</c> for every paired case, else the slice's name.</param>
/// <param name="IsOverall">True for the whole paired set (<c>all</c>).</param>
/// <param name="Cases">The slice's comparable cases.</param>
/// <param name="Summary">The slice's figures, as reported.</param>
/// <param name="K">The trials per case both runs asked for (the smaller of the two), for messages and pass^k.</param>
/// <param name="Alpha">The one-sided error rate this look may spend on each claim (see <see cref="Statistics.AlphaSpending"/>).</param>
/// <param name="AdjustedPValue">The drop's p-value adjusted for the family of the whole set and every gated slice (Bonferroni half for the whole set, Holm over slices).</param>
/// <param name="CanFail">False for a slice too small to decide: it reports, but only P0 rules can fail the gate through it.</param>
internal sealed record SliceView(string Name, bool IsOverall, IReadOnlyList<CaseComparison> Cases, SliceSummary Summary, int K,
    double Alpha = 0.05, double AdjustedPValue = 1, bool CanFail = true);
