using System.Reflection;
using Xunit.Sdk;

namespace AgentOps.Evals.Xunit;

/// <summary>Theory data: one row per active golden case id, optionally only one suite or tag (globs allowed).</summary>
/// <example><code>[Theory, GoldenCases(Suite = "refunds")] public Task Passes(string caseId) => …</code></example>
public sealed class GoldenCasesAttribute : DataAttribute
{
    /// <summary>Only cases in this suite (glob).</summary>
    public string? Suite { get; set; }

    /// <summary>Only cases with this tag (glob).</summary>
    public string? Tag { get; set; }

    /// <summary>The config file; default: the nearest eval.config.yaml above the test assembly.</summary>
    public string? Config { get; set; }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        var terms = new List<string>();
        if (Suite is not null) terms.Add("suite:" + Suite);
        if (Tag is not null) terms.Add("tag:" + Tag);
        return GoldenSet.Load(Config).Workspace.SelectCases(terms.Count == 0 ? null : string.Join("+", terms))
            .Select(c => new object[] { c.Id });
    }
}
