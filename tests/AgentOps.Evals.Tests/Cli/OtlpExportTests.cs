using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Cli;

/// <summary><c>--otlp</c> on run and gate: spans and metrics reach an OTLP/HTTP collector on 127.0.0.1.</summary>
public sealed class OtlpExportTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-otlp").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("run")]
    [InlineData("gate")]
    public async Task Spans_and_metrics_are_exported_to_the_collector_given_with_otlp(string command)
    {
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentDictionary<string, long>();
        var serving = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                HttpListenerContext context;
                try { context = await collector.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                received.AddOrUpdate(context.Request.Url!.AbsolutePath, body.Length, (_, total) => total + body.Length);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        string[] args = command == "run"
            ? ["run", "--filter", "suite:orders", "-k", "1"]
            : ["gate", "--baseline", "prod", "--candidate", "next", "--filter", "suite:orders", "-k", "1"];
        var result = await CliProcess.RunInAsync(Cases.RepoPaths.Root, new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf" },
            [.. args, "--store", Path.Combine(_dir, "r.db"), "--otlp", $"http://127.0.0.1:{port}"]);
        collector.Stop();
        await serving;

        Assert.True(result.ExitCode == 0, result.All);
        Assert.True(received.GetValueOrDefault("/v1/traces") > 0, "no spans reached the collector: " + string.Join(", ", received.Keys));
        Assert.True(received.GetValueOrDefault("/v1/metrics") > 0, "no metrics reached the collector: " + string.Join(", ", received.Keys));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
