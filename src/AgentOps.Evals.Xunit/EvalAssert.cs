using System.Text;
using AgentOps.Evals.Running;
using Xunit.Sdk;

namespace AgentOps.Evals.Xunit;

/// <summary>Assertions on case results whose failure message lists every failed assertion with its reason and the response.</summary>
public static class EvalAssert
{
    /// <summary>Every trial passed. Infrastructure errors (e.g. a missing recording) fail too, with their message.</summary>
    public static void AllTrialsPassed(CaseRunResult result)
    {
        var failed = result.Trials.Where(t => t.Outcome != TrialOutcome.Passed).ToList();
        if (failed.Count == 0 && result.Trials.Count > 0) return;
        throw new XunitException(Describe(result, failed));
    }

    /// <summary>At least <paramref name="minPassRate"/> of the trials passed (for cases allowed some noise).</summary>
    public static void PassRateAtLeast(CaseRunResult result, double minPassRate)
    {
        var passed = result.Trials.Count(t => t.Passed);
        if (result.Trials.Count > 0 && (double)passed / result.Trials.Count >= minPassRate) return;
        throw new XunitException($"pass rate {passed}/{result.Trials.Count} is below {minPassRate:P0}\n" + Describe(result, result.Trials.Where(t => !t.Passed).ToList()));
    }

    internal static string Describe(CaseRunResult result, IReadOnlyList<TrialResult> failed)
    {
        var text = new StringBuilder();
        var c = result.Candidate;
        text.AppendLine($"{result.Case.Id} ({result.Case.Location.File}): {failed.Count} of {result.Trials.Count} trials did not pass for candidate {c.Name} (model {c.ModelId}, prompt {c.PromptHash}, provider {c.Provider})");
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
