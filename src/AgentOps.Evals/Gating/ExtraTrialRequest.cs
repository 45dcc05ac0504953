namespace AgentOps.Evals.Gating;

/// <summary>A request for more trials of one case on one side: run it <paramref name="Trials"/> more times, numbering from <paramref name="FirstTrialIndex"/>.</summary>
/// <param name="RunId">The stored run the trials belong to (they extend it, like <c>run --resume</c> would).</param>
/// <param name="Side"><c>baseline</c> or <c>candidate</c>.</param>
/// <param name="CaseId">The case to run again.</param>
/// <param name="FirstTrialIndex">The trial index the first new trial gets (the side's trials so far), so cassette keys and stored trials stay distinct.</param>
/// <param name="Trials">How many more trials to run.</param>
public sealed record ExtraTrialRequest(string RunId, string Side, string CaseId, int FirstTrialIndex, int Trials);
