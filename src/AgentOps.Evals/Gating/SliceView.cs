namespace AgentOps.Evals.Gating;

/// <summary>What a rule sees of one slice: its comparable cases and their figures.</summary>
/// <param name="K">The trials per case both runs asked for (the smaller of the two), for power messages and pass^k.</param>
internal sealed record SliceView(string Name, bool IsOverall, IReadOnlyList<CaseComparison> Cases, SliceSummary Summary, int K);
