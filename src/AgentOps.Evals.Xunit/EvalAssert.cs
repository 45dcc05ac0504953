using AgentOps.Evals.Testing;
using Xunit.Sdk;

namespace AgentOps.Evals.Xunit;

/// <summary>xunit v2 assertions on a case run; a failure lists every failed assertion with its reason and the response.</summary>
public static class EvalAssert
{
    /// <summary>Every trial passed. Infrastructure errors (e.g. a missing recording) fail too, with their message.</summary>
    public static void AllTrialsPassed(GoldenCaseRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.AllTrialsPassedFailure() is { } failure) throw new XunitException(failure);
    }

    /// <summary>At least <paramref name="minPassRate"/> of the trials passed (for cases allowed some noise).</summary>
    public static void PassRateAtLeast(GoldenCaseRun run, double minPassRate)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.PassRateFailure(minPassRate) is { } failure) throw new XunitException(failure);
    }
}
