namespace AgentOps.Evals.Judging;

/// <summary>One question for the judge: which prompt (by assertion type), the data to frame in order, and the scale.</summary>
/// <param name="Fields">(element name, text) pairs; each is framed as data, escaped.</param>
/// <param name="Instructions">Trusted text from the case author (a rubric, criteria), shown outside the data.</param>
/// <param name="MinScore">On the 1–5 scale, the least score that passes.</param>
/// <param name="Type">The assertion type, which picks the judge prompt.</param>
/// <param name="Scale">How the judge grades.</param>
internal sealed record JudgeRequest(string Type, IReadOnlyList<(string Name, string Text)> Fields, JudgeScale Scale, double MinScore = 4, IReadOnlyList<(string Name, string Text)>? Instructions = null);
