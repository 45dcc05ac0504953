using AgentOps.Evals.Testing;
using NUnit.Framework;

namespace AgentOps.Evals.NUnit;

/// <summary>NUnit test case sources: one case per active golden case id, named after it.</summary>
/// <example><code>[TestCaseSource(typeof(GoldenCases), nameof(GoldenCases.InSuite), new object[] { "refunds" })]
/// public async Task Passes(string caseId) => EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync(caseId));</code></example>
public static class GoldenCases
{
    /// <summary>Every active case of the nearest eval.config.yaml.</summary>
    public static IEnumerable<TestCaseData> All() => Select(null, null, null);

    /// <summary>Active cases in one suite (glob).</summary>
    public static IEnumerable<TestCaseData> InSuite(string suite) => Select(suite, null, null);

    /// <summary>Active cases with one tag (glob).</summary>
    public static IEnumerable<TestCaseData> WithTag(string tag) => Select(null, tag, null);

    /// <summary>Active cases of <paramref name="config"/> (null: the nearest eval.config.yaml), filtered by suite and tag when given.</summary>
    public static IEnumerable<TestCaseData> Select(string? suite, string? tag, string? config) =>
        GoldenSuite.Load(config).CaseIds(suite, tag).Select(id => new TestCaseData(id).SetArgDisplayNames(id));
}
