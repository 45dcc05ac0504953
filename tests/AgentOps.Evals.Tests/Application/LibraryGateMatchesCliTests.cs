using AgentOps.Evals.Application;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Reporting;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Application;

/// <summary>The library and the CLI are one gate: on the same stored runs, <see cref="EvalWorkspace.GateAsync"/> and
/// <c>agentops-evals gate --from A B</c> give the same verdict, the same exit code and byte-identical verdict JSON.</summary>
public sealed class LibraryGateMatchesCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-app").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Gate_from_stored_runs_gives_the_same_verdict_and_json_through_the_library_and_the_cli()
    {
        var store = Path.Combine(_dir, "results.db");
        var ws = EvalWorkspace.Open(new WorkspacePaths(Path.Combine(RepoPaths.Root, "eval.config.yaml"), ConfigRequired: true, StorePath: store));
        var prod = await ws.RunAsync(new RunRequest("prod", ws.Config.Run.K));
        var next = await ws.RunAsync(new RunRequest("next", ws.Config.Run.K));

        var library = await ws.GateAsync(new GateRequest(From: [prod.Run.RunId, next.Run.RunId]));
        var cli = await CliProcess.RunAsync("gate", "--from", prod.Run.RunId, next.Run.RunId, "--store", store, "--json", "-");

        // The sample's next candidate regresses German refunds: a verdict that would pass on both paths proves nothing.
        Assert.Equal(GateOutcome.Fail, library.Verdict.Outcome);
        Assert.Contains(library.Verdict.Findings, f => f.Slice == "locale:de-DE" && f.Severity == FindingSeverity.Fail);
        Assert.True(cli.ExitCode == library.ExitCode, cli.All);
        var json = new StringWriter();
        new JsonGateReportWriter().Write(library.Verdict, json);
        Assert.Equal(json.ToString(), cli.Stdout);
    }

    [Fact]
    public async Task Library_gate_reads_the_same_runs_the_cli_stored()
    {
        var store = Path.Combine(_dir, "results.db");
        var baseline = await CliProcess.RunAsync("run", "--candidate", "prod", "--store", store, "--json");
        Assert.True(baseline.ExitCode == 0, baseline.All);
        var runId = System.Text.Json.JsonDocument.Parse(baseline.Stdout).RootElement.GetProperty("runId").GetString()!;

        var ws = EvalWorkspace.Open(new WorkspacePaths(Path.Combine(RepoPaths.Root, "eval.config.yaml"), ConfigRequired: true, StorePath: store));
        var library = await ws.GateAsync(new GateRequest(From: [runId, runId]));
        var cli = await CliProcess.RunAsync("gate", "--from", runId, runId, "--store", store, "--json", "-");

        Assert.Equal(GateOutcome.Pass, library.Verdict.Outcome);
        Assert.True(cli.ExitCode == 0, cli.All);
        var json = new StringWriter();
        new JsonGateReportWriter().Write(library.Verdict, json);
        Assert.Equal(json.ToString(), cli.Stdout);
    }
}
