using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AgentOps.Evals.Tests.EndToEnd;

/// <summary>
/// Issue 12, end to end: <c>agentops-evals gate</c> runs both candidates live against simulated agents behind the
/// http target (a local agent on 127.0.0.1 whose per-case pass probabilities come from a fixed seed), spends
/// extra trials on the cases whose outcomes vary, and decides: an equal candidate PASSes, a 10-point drop FAILs.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class GateExtraTrialsEndToEndTests
{
    private const int Cases = 60;

    [Fact]
    public async Task An_equal_candidate_passes_using_extra_trials_that_are_stored_in_its_runs()
    {
        await using var agent = SimulatedAgent.Start(drop: 0);
        using var ws = Workspace(agent.Endpoint);

        var result = await ws.RunAsync("gate", "--baseline", "prod", "--candidate", "next", "--json", "verdict.json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var verdict = JsonDocument.Parse(File.ReadAllText(Path.Combine(ws.Root, "verdict.json")));
        var extra = verdict.RootElement.GetProperty("extraTrials").GetInt32();
        var budget = verdict.RootElement.GetProperty("extraTrialBudget").GetInt32();
        Assert.InRange(extra, 1, budget);
        Assert.Contains("extra trials:", result.Stdout);
        // The extra trials are real trials of the same runs (indices ≥ k), stored like any other.
        var (runs, trials) = await ws.ReadStoreAsync();
        Assert.Equal(2, runs.Count);
        Assert.Equal(extra, trials.Values.Sum(t => t.Count(x => x.TrialIndex >= 3)));
        Assert.Equal(2 * Cases * 3 + extra, agent.Requests);
    }

    [Fact]
    public async Task A_ten_point_drop_fails()
    {
        await using var agent = SimulatedAgent.Start(drop: 0.10);
        using var ws = Workspace(agent.Endpoint);

        var result = await ws.RunAsync("gate", "--baseline", "prod", "--candidate", "next", "--json", "verdict.json");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("max-pass-rate-drop", result.Stdout);
    }

    private static CliWorkspace Workspace(Uri endpoint)
    {
        var ws = CliWorkspace.Create(endpoint, Cases, k: 3, concurrency: 8);
        var root = endpoint.ToString().TrimEnd('/');
        File.WriteAllText(ws.ConfigPath, $$"""
            golden-set: golden-set
            providers:
              prod-agent: {type: http, endpoint: "{{root}}/prod"}
              next-agent: {type: http, endpoint: "{{root}}/next"}
            candidates:
              prod: {model: agent-v1, provider: prod-agent, target: http}
              next: {model: agent-v2, provider: next-agent, target: http}
            baseline: prod
            run: {k: 3, concurrency: 8, timeout-s: 30, retries: 2}
            gate:
              max-pass-rate-drop: 0.05
              min-pass-rate: null
              min-consistency: null
              max-cost-ratio: null
              slices: ["suite:*"]
            """);
        return ws;
    }

    /// <summary>
    /// A team's agent as the http target sees it: POST /prod or /next with the case; it answers "delivered" (pass)
    /// with the case's probability, drawn from a fixed seed: 70% of cases always pass, 30% pass 70% of the time.
    /// Each (side, case, trial) is hashed, so a repeated trial index answers the same and the two sides draw independently.
    /// With <c>drop</c> &gt; 0 the next agent loses that many points of mean pass rate, spread over the reliable cases.
    /// </summary>
    private sealed class SimulatedAgent : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly double[] _prod = new double[Cases];
        private readonly double[] _next = new double[Cases];
        private readonly Task _loop;
        private int _requests;

        private SimulatedAgent(double drop)
        {
            var random = new Random(12);
            for (var i = 0; i < Cases; i++) _prod[i] = random.NextDouble() < 0.7 ? 1.0 : 0.7;
            Array.Copy(_prod, _next, Cases);
            var reliable = Enumerable.Range(0, Cases).Where(i => _prod[i] == 1.0).ToList();
            // Each chosen reliable case goes to 50%: drop·N/0.5 of them carry the whole drop.
            foreach (var i in reliable.Take((int)Math.Round(drop * Cases / 0.5))) _next[i] = 0.5;
            var port = FreePort();
            Endpoint = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Endpoint.ToString());
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public Uri Endpoint { get; }
        public int Requests => Volatile.Read(ref _requests);

        public static SimulatedAgent Start(double drop) => new(drop);

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                _ = Task.Run(() => Answer(context));
            }
        }

        private void Answer(HttpListenerContext context)
        {
            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            using var body = JsonDocument.Parse(reader.ReadToEnd());
            var caseId = body.RootElement.GetProperty("case_id").GetString()!;
            var trial = body.RootElement.GetProperty("trial").GetInt32();
            var side = context.Request.Url!.AbsolutePath.Trim('/');
            var index = int.Parse(caseId[(caseId.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
            var p = (side == "next" ? _next : _prod)[index];
            var passed = Draw($"{side}/{caseId}/{trial}") < p;
            var reply = JsonSerializer.Serialize(new
            {
                output = passed ? $"Order E-{index:0000} was delivered." : $"Order E-{index:0000} is lost.",
                finish_reason = "stop",
                usage = new { input_tokens = 10, output_tokens = 5 },
            });
            var bytes = Encoding.UTF8.GetBytes(reply);
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            context.Response.OutputStream.Write(bytes);
            context.Response.Close();
        }

        private static double Draw(string key) =>
            (BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0) >> 11) / (double)(1UL << 53);

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            try { await _loop; } catch (ObjectDisposedException) { }
        }
    }
}
