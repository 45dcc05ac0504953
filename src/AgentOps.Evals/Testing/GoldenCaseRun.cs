using System.Text;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Testing;

/// <summary>The trials of one case for one candidate, and the failure text every adapter shows (each failed assertion with
/// its reason, the response, the tool calls), so a failure reads the same in xunit, MSTest and NUnit.</summary>
public sealed record GoldenCaseRun(GoldenCase Case, CandidateIdentity Candidate, IReadOnlyList<TrialResult> Trials)
{
    /// <summary>Passed trials over all trials (0 when there were none).</summary>
    public double PassRate => Trials.Count == 0 ? 0 : (double)Trials.Count(t => t.Passed) / Trials.Count;

    /// <summary>Null when every trial passed; otherwise why not. Infrastructure errors (e.g. a missing recording) count as not passed.</summary>
    public string? AllTrialsPassedFailure()
    {
        var failed = Trials.Where(t => t.Outcome != TrialOutcome.Passed).ToList();
        return failed.Count == 0 && Trials.Count > 0 ? null : Describe(failed);
    }

    /// <summary>Null when at least <paramref name="minPassRate"/> of the trials passed; otherwise why not.</summary>
    public string? PassRateFailure(double minPassRate) =>
        Trials.Count > 0 && PassRate >= minPassRate ? null
            : $"pass rate {Trials.Count(t => t.Passed)}/{Trials.Count} is below {minPassRate:P0}\n" + Describe([.. Trials.Where(t => !t.Passed)]);

    private string Describe(IReadOnlyList<TrialResult> failed)
    {
        var text = new StringBuilder();
        text.AppendLine($"{Case.Id} ({Case.Location.File}): {failed.Count} of {Trials.Count} trials did not pass for candidate {Candidate.Name} (model {Candidate.ModelId}, prompt {Candidate.PromptHash}, provider {Candidate.Provider})");
        foreach (var trial in failed)
        {
            text.AppendLine($"  trial {trial.TrialIndex}: {trial.Outcome}{(trial.Error is null ? "" : $" [{trial.ErrorKind}] {trial.Error}")}");
            foreach (var assertion in trial.Assertions.Where(a => !a.Passed))
                text.AppendLine($"    ✗ {assertion.Type}: {assertion.Reason}");
            if (trial.Output.Length > 0)
                text.AppendLine($"    response: {(trial.Output.Length > 400 ? trial.Output[..400] + "…" : trial.Output)}");
            foreach (var call in trial.Trajectory.ToolCalls)
                text.AppendLine($"    tool: {call.Name}({call.ArgumentsJson}){(call.Error is null ? "" : " error: " + call.Error)}");
        }
        return text.ToString();
    }
}
