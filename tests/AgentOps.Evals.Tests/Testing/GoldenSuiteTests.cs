using AgentOps.Evals.Testing;
using RepoPaths = AgentOps.Evals.Tests.Cases.RepoPaths;

namespace AgentOps.Evals.Tests.Testing;

/// <summary>What the xunit v3, MSTest and NUnit adapters share: case selection, one case run, the failure text and the skip reason.</summary>
public sealed class GoldenSuiteTests
{
    private static GoldenSuite Suite => GoldenSuite.Load(Path.Combine(RepoPaths.Root, "eval.config.yaml"));

    [Fact]
    public void Case_ids_follow_suite_and_tag_filters()
    {
        var orders = Suite.CaseIds(suite: "orders");
        Assert.Equal(14, orders.Count);
        Assert.All(orders, id => Assert.StartsWith("orders-", id));
        Assert.All(Suite.CaseIds(suite: "orders", tag: "locale:de-DE"), id => Assert.Contains(id, orders));
        Assert.True(Suite.CaseIds().Count > orders.Count);
    }

    [Fact]
    public async Task A_regressed_case_fails_with_every_failed_assertion_and_the_response()
    {
        // next (prompt v4) quotes 30 days to German customers: the regression the gate must catch.
        var run = await Suite.RunCaseAsync("refunds-eu-de-late-011", "next", provider: "replay");

        var failure = run.AllTrialsPassedFailure();
        Assert.NotNull(failure);
        Assert.Contains("refunds-eu-de-late-011", failure);
        Assert.Contains("candidate next", failure);
        Assert.Contains("✗", failure);
        Assert.Contains("response:", failure);
        Assert.NotNull(run.PassRateFailure(0.5));
    }

    [Fact]
    public async Task A_passing_case_has_no_failure_text()
    {
        var run = await Suite.RunCaseAsync("orders-status-shipped-001", "prod", provider: "replay");
        Assert.Null(run.AllTrialsPassedFailure());
        Assert.Equal(1.0, run.PassRate);
    }

    [Fact]
    public void A_live_test_skip_reason_names_the_unset_variable()
    {
        var variable = "AGENTOPS_TEST_UNSET_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var reason = LiveEndpointRequirement.SkipReason(variable);
        Assert.NotNull(reason);
        Assert.Contains(Environment.GetEnvironmentVariable(LiveEndpointRequirement.EndpointVariable) is null ? LiveEndpointRequirement.EndpointVariable : variable, reason);
    }
}
