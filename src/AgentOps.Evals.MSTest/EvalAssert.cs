using AgentOps.Evals.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AgentOps.Evals.MSTest;

/// <summary>MSTest assertions on a case run; a failure lists every failed assertion with its reason and the response.</summary>
public static class EvalAssert
{
    /// <summary>Every trial passed. Infrastructure errors (e.g. a missing recording) fail too, with their message.</summary>
    public static void AllTrialsPassed(GoldenCaseRun run)
    {
        if (run.AllTrialsPassedFailure() is { } failure) Assert.Fail(failure);
    }

    /// <summary>At least <paramref name="minPassRate"/> of the trials passed (for cases allowed some noise).</summary>
    public static void PassRateAtLeast(GoldenCaseRun run, double minPassRate)
    {
        if (run.PassRateFailure(minPassRate) is { } failure) Assert.Fail(failure);
    }
}
