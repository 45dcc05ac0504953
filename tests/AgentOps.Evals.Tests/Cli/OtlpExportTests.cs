using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Cli;

/// <summary><c>--otlp</c> on run and gate: spans and metrics reach an OTLP/HTTP collector on 127.0.0.1
/// (calibrate's is in <see cref="EndToEnd.JudgeEndToEndTests"/>, which has a judge).</summary>
public sealed class OtlpExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-otlp").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("run")]
    [InlineData("gate")]
    public async Task Spans_and_metrics_are_exported_to_the_collector_given_with_otlp(string command)
    {
        await using var collector = new OtlpCollector();
        string[] args = command == "run"
            ? ["run", "--filter", "suite:orders", "-k", "1"]
            : ["gate", "--baseline", "prod", "--candidate", "next", "--filter", "suite:orders", "-k", "1"];
        // The CLI flushes its exporters before it exits, so everything has arrived once it has.
        var result = await CliProcess.RunInAsync(Cases.RepoPaths.Root, new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf" },
            [.. args, "--store", Path.Combine(_dir, "r.db"), "--otlp", collector.Endpoint]);

        // This test is about export: 10 cases × 1 trial cannot show a drop under the sample's 2-point margin,
        // so the gate may honestly be inconclusive (3); it must not be bad input or a crash.
        Assert.True(result.ExitCode is 0 or 3, result.All);
        Assert.True(collector.BytesAt("/v1/traces") > 0, "no spans reached the collector: " + collector.Paths);
        Assert.True(collector.BytesAt("/v1/metrics") > 0, "no metrics reached the collector: " + collector.Paths);
    }
}
