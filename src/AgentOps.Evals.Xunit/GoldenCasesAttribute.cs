using System.Reflection;
using AgentOps.Evals.Cases;
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
        var filter = terms.Count == 0 ? null : CaseFilter.Parse(string.Join("+", terms));
        return GoldenSet.Load(Config).Cases
            .Where(c => c.Status == CaseStatus.Active && (filter?.Matches(c) ?? true))
            .Select(c => new object[] { c.Id });
    }
}
