using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Running;

/// <summary>
/// A resumed run must be finished by the candidate that started it: the same provider, model, prompt and model settings. Otherwise
/// one run would mix two candidates' answers under the first one's name, so the resume is refused with the reason.
/// </summary>
internal static class ResumeCheck
{
    /// <summary>The provider a resume uses: the run's own, unless <paramref name="providerOverride"/> names it again.</summary>
    public static string Provider(RunInfo stored, string? providerOverride, string storePath)
    {
        if (providerOverride is null || providerOverride == stored.Candidate.Provider) return stored.Candidate.Provider;
        throw new InputException(storePath, "--provider",
            $"run {stored.RunId} was made with provider '{stored.Candidate.Provider}', not '{providerOverride}'; a resume keeps the run's provider (drop --provider), or start a new run");
    }

    /// <summary>Throws when the candidate as configured now is not the one that made <paramref name="stored"/>.</summary>
    public static void EnsureSameCandidate(RunInfo stored, CandidateIdentity now, string configFile)
    {
        var then = stored.Candidate;
        var changes = new List<string>();
        if (now.ModelId != then.ModelId) changes.Add($"model '{then.ModelId}' is now '{now.ModelId}'");
        if (now.PromptHash != then.PromptHash) changes.Add($"prompt {then.PromptHash} is now {now.PromptHash}");
        if (now.Provider != then.Provider) changes.Add($"provider '{then.Provider}' is now '{now.Provider}'");
        if (now.Settings != then.Settings) changes.Add($"settings '{Shown(then.Settings)}' are now '{Shown(now.Settings)}'");
        if (changes.Count == 0) return;
        throw new InputException(configFile, $"candidates.{then.Name}",
            $"cannot resume run {stored.RunId}: candidate '{then.Name}' changed since it started ({string.Join(", ", changes)}); restore it to finish the run, or start a new run");
    }

    private static string Shown(string settings) => settings.Length == 0 ? "provider defaults" : settings;
}
