using System.Reflection;
using AgentOps.Evals.Testing;
using Xunit.Sdk;

namespace AgentOps.Evals.Xunit;

/// <summary>xunit v2 theory data: one row per active golden case id, optionally only one suite or tag (globs allowed).</summary>
/// <example><code>[Theory, GoldenCases(Suite = "refunds")] public async Task Passes(string caseId) => EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync(caseId));</code></example>
public sealed class GoldenCasesAttribute : DataAttribute
{
    /// <summary>Only cases in this suite (glob).</summary>
    public string? Suite { get; set; }

    /// <summary>Only cases with this tag (glob).</summary>
    public string? Tag { get; set; }

    /// <summary>The config file; default: the nearest eval.config.yaml above the test assembly.</summary>
    public string? Config { get; set; }

    /// <inheritdoc />
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        GoldenSuite.Load(Config).CaseIds(Suite, Tag).Select(id => new object[] { id });
}
