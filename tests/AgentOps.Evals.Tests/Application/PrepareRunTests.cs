using AgentOps.Evals.Application;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Application;

/// <summary>What <c>run</c>'s options become in the library: the config's defaults fill what was not given, and an option that
/// means nothing without another is refused before any model is called.</summary>
public sealed class PrepareRunTests
{
    private static EvalWorkspace Workspace() =>
        EvalWorkspace.Open(new WorkspacePaths(Path.Combine(RepoPaths.Root, "eval.config.yaml"), ConfigRequired: true, null, Path.Combine(Path.GetTempPath(), $"agentops-prepare-{Guid.NewGuid():N}.db")));

    [Fact]
    public async Task Defaults_come_from_the_config_and_given_options_win()
    {
        var ws = Workspace();
        var defaults = await ws.PrepareRunAsync(new RunArguments());
        Assert.Equal(ws.DefaultCandidate(), defaults.Candidate);
        Assert.Equal(ws.Config.Run.K, defaults.K);

        var given = await ws.PrepareRunAsync(new RunArguments(Candidate: "next", K: 2, Filter: "suite:orders", Provider: "replay", Concurrency: 3));
        Assert.Equal(("next", 2, "suite:orders", "replay", (int?)3), (given.Candidate, given.K, given.Filter, given.Provider, given.Concurrency));
    }

    [Fact]
    public async Task Retry_infra_without_resume_is_bad_input()
    {
        var error = await Assert.ThrowsAsync<InputException>(() => Workspace().PrepareRunAsync(new RunArguments(RetryInfraErrors: true)));
        Assert.Contains("--resume", error.Message);
    }
}
