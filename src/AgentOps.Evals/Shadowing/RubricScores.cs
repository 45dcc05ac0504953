namespace AgentOps.Evals.Shadowing;

/// <summary>The judge's scores (1–5) of one side's answers to one input against the shadow rubric, with its reasons.</summary>
/// <param name="Scores">Per answer, in trial order; null where the judge gave no verdict.</param>
/// <param name="Reasons">The judge's reason per answer, in trial order.</param>
/// <param name="Error">The first reason a score is missing (counted apart, never as a low score).</param>
public sealed record RubricScores(IReadOnlyList<double?> Scores, IReadOnlyList<string> Reasons, string? Error = null)
{
    /// <summary>Mean over the scored answers; null when none was scored.</summary>
    public double? Mean => Scores.OfType<double>().ToList() is { Count: > 0 } s ? s.Average() : null;
}
