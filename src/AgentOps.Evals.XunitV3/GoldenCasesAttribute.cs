using System.Reflection;
using AgentOps.Evals.Testing;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace AgentOps.Evals.XunitV3;

/// <summary>xunit v3 theory data: one row per active golden case id, optionally only one suite or tag (globs allowed).</summary>
/// <example><code>[Theory, GoldenCases(Suite = "refunds")] public async Task Passes(string caseId) => EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync(caseId));</code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class GoldenCasesAttribute : DataAttribute
{
    /// <summary>Only cases in this suite (glob).</summary>
    public string? Suite { get; set; }

    /// <summary>Only cases with this tag (glob).</summary>
    public string? Tag { get; set; }

    /// <summary>The config file; default: the nearest eval.config.yaml above the test assembly.</summary>
    public string? Config { get; set; }

    /// <inheritdoc />
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new([.. GoldenSuite.Load(Config).CaseIds(Suite, Tag).Select(id => new TheoryDataRow(id) { TestDisplayName = $"{testMethod.Name}({id})" })]);

    /// <inheritdoc />
    public override bool SupportsDiscoveryEnumeration() => true;
}
