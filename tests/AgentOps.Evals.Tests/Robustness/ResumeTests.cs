using AgentOps.Evals.FakeModelServer;
using AgentOps.Evals.Running;
using AgentOps.Evals.Tests.EndToEnd;

namespace AgentOps.Evals.Tests.Robustness;

/// <summary>Issue 14's resume: the run's own candidate finishes it or the resume is refused; infrastructure errors can be retried.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ResumeTests
{
    private static async Task<string> FirstRunAsync(CliWorkspace ws)
    {
        var first = await ws.RunAsync("run", "--candidate", "prod", "--json");
        Assert.True(first.ExitCode == 0, first.ToString());
        return System.Text.Json.JsonDocument.Parse(first.Stdout).RootElement.GetProperty("runId").GetString()!;
    }

    [Fact]
    public async Task A_resume_after_the_model_changed_is_refused_with_the_reason()
    {
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { DefaultReply = "It was delivered." });
        using var ws = CliWorkspace.Create(server.BaseUrl, cases: 3, k: 1, concurrency: 2);
        var runId = await FirstRunAsync(ws);
        File.WriteAllText(ws.ConfigPath, File.ReadAllText(ws.ConfigPath).Replace("prod: {model: gpt-4.1-mini", "prod: {model: gpt-5-mini", StringComparison.Ordinal));

        var resume = await ws.RunAsync("run", "--resume", runId);
        Assert.True(resume.ExitCode == 2, resume.ToString());
        Assert.Contains("cannot resume run " + runId, resume.Stderr);
        Assert.Contains("model 'gpt-4.1-mini' is now 'gpt-5-mini'", resume.Stderr);
    }

    [Fact]
    public async Task A_resume_keeps_the_runs_provider_and_refuses_another()
    {
        await using var server = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { DefaultReply = "It was delivered." });
        using var ws = CliWorkspace.Create(server.BaseUrl, cases: 3, k: 1, concurrency: 2);
        var runId = await FirstRunAsync(ws);

        var other = await ws.RunAsync("run", "--resume", runId, "--provider", "replay");
        Assert.True(other.ExitCode == 2, other.ToString());
        Assert.Contains("was made with provider 'fake', not 'replay'", other.Stderr);
        var same = await ws.RunAsync("run", "--resume", runId, "--provider", "fake");
        Assert.True(same.ExitCode == 0, same.ToString());
    }

    [Fact]
    public async Task Retry_infra_runs_the_infrastructure_errors_of_a_stored_run_again()
    {
        using var ws = await BrokenRunAsync();
        var (runs, trials) = await ws.ReadStoreAsync();
        var run = Assert.Single(runs);
        Assert.All(trials[run.RunId], t => Assert.Equal(TrialOutcome.InfraError, t.Outcome));

        // Without --retry-infra a resume leaves them alone; with it they run again, against a server that now works.
        await using var healthy = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { DefaultReply = "It was delivered." });
        File.WriteAllText(ws.ConfigPath, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(ws.ConfigPath), "endpoint: \"[^\"]+\"", $"endpoint: \"{healthy.BaseUrl.ToString().TrimEnd('/')}\""));
        var plain = await ws.RunAsync("run", "--resume", run.RunId);
        Assert.Contains("0 trials run", plain.Stdout);

        var retry = await ws.RunAsync("run", "--resume", run.RunId, "--retry-infra");
        Assert.True(retry.ExitCode == 0, retry.ToString());
        Assert.Contains("3 infrastructure errors retried", retry.Stdout);
        var (_, after) = await ws.ReadStoreAsync();
        Assert.Equal(3, after[run.RunId].Count);
        Assert.All(after[run.RunId], t => Assert.Equal(TrialOutcome.Passed, t.Outcome));
    }

    private static async Task<CliWorkspace> BrokenRunAsync()
    {
        await using var broken = await FakeModelServer.FakeModelServer.StartAsync(new FakeServerOptions { ServerErrorRate = 1 });
        var ws = CliWorkspace.Create(broken.BaseUrl, cases: 3, k: 1, concurrency: 2, retries: 0);
        var first = await ws.RunAsync("run", "--candidate", "prod");
        Assert.True(first.ExitCode is 0 or 3, first.ToString());
        return ws;
    }
}
