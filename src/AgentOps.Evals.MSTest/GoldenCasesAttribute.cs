using System.Reflection;
using AgentOps.Evals.Testing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AgentOps.Evals.MSTest;

/// <summary>MSTest data source: one row per active golden case id, optionally only one suite or tag (globs allowed).</summary>
/// <example><code>[TestMethod, GoldenCases(Suite = "refunds")] public async Task Passes(string caseId) => EvalAssert.AllTrialsPassed(await GoldenSuite.Load().RunCaseAsync(caseId));</code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class GoldenCasesAttribute : Attribute, ITestDataSource
{
    /// <summary>Only cases in this suite (glob).</summary>
    public string? Suite { get; set; }

    /// <summary>Only cases with this tag (glob).</summary>
    public string? Tag { get; set; }

    /// <summary>The config file; default: the nearest eval.config.yaml above the test assembly.</summary>
    public string? Config { get; set; }

    /// <inheritdoc />
    public IEnumerable<object?[]> GetData(MethodInfo methodInfo) =>
        GoldenSuite.Load(Config).CaseIds(Suite, Tag).Select(id => new object?[] { id });

    /// <inheritdoc />
    public string? GetDisplayName(MethodInfo methodInfo, object?[]? data) => $"{methodInfo.Name}({data?.FirstOrDefault()})";
}
