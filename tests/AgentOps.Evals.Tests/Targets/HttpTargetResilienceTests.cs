using System.Net;
using System.Net.Sockets;
using System.Text;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Targets;

/// <summary>Issue 14, the HTTP target: a team's own agent goes through the same timeouts, retries, auth, recording and redaction as chat calls.</summary>
public sealed class HttpTargetResilienceTests : IDisposable
{
    private const string Reply = """{"output": "Order A-1001 was delivered.", "finish_reason": "stop", "usage": {"input_tokens": 10, "output_tokens": 5}}""";
    private static readonly CandidateIdentity Agent = new("agent", "team-agent", "none", "agent", "0.1.0");
    private readonly string _root = Directory.CreateTempSubdirectory("agentops-http-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private EvalConfig Config(string endpoint, string extra = "", double timeoutSeconds = 30, int retries = 2)
    {
        var path = Path.Combine(_root, "eval.config.yaml");
        File.WriteAllText(path, $$"""
            providers:
              agent:
                type: http
                endpoint: "{{endpoint}}"
            {{extra}}
              replay: {type: replay, cassettes: cassettes}
            candidates:
              agent: {model: team-agent, provider: agent, target: http}
            run: {k: 1, concurrency: 2, timeout-s: {{timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, retries: {{retries}}}
            """);
        return ConfigLoader.Load(path);
    }

    private static TrialRequest Trial(string id = "orders-001") => new(TestCases.Make(id), 0, Agent);

    [Fact]
    public async Task A_reply_slower_than_timeout_s_is_a_timeout_infra_error_for_that_trial_and_the_run_completes()
    {
        // A server that accepts and never answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        _ = Task.Run(async () => { try { while (true) accepted.Add(await silent.AcceptSocketAsync()); } catch (SocketException) { } catch (ObjectDisposedException) { } });
        var config = Config($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}/agent", timeoutSeconds: 0.3, retries: 0);
        var session = CandidateSession.Open(config, "agent");
        var plan = new RunPlan
        {
            Run = new RunInfo { RunId = "run-http-timeout", Candidate = session.Identity, K = 1, GoldenSetRevision = "rev", StartedAt = DateTimeOffset.UnixEpoch },
            Cases = [TestCases.Make("slow-1"), TestCases.Make("slow-2")],
            Target = session.Target,
            Evaluators = EvaluatorRegistry.CreateDefault(),
        };
        await using var store = new InMemoryResultStore();

        var outcome = await new EvalRunner().RunAsync(plan, store);

        Assert.Equal(RunStatus.Completed, outcome.Status);
        var trials = await store.GetTrialsAsync("run-http-timeout");
        Assert.Equal(2, trials.Count);
        Assert.All(trials, t => Assert.Equal("timeout", t.ErrorKind));
        foreach (var socket in accepted) socket.Dispose();
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Server_errors_and_429s_are_retried_honouring_retry_after(HttpStatusCode status)
    {
        var calls = 0;
        var handler = new StubHandler(_ =>
        {
            var response = ++calls < 3 ? new HttpResponseMessage(status) { Content = new StringContent("{}") } : Json(Reply);
            response.Headers.TryAddWithoutValidation("retry-after-ms", "1");
            return response;
        });
        var config = Config("http://127.0.0.1:9/agent");
        var session = CandidateSession.Open(config, "agent", http: new HttpClient(handler));

        var response = await session.Target.RespondAsync(Trial(), CancellationToken.None);

        Assert.Equal("Order A-1001 was delivered.", response.Output);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Headers_from_config_are_sent_with_their_variables_filled_from_the_environment()
    {
        Environment.SetEnvironmentVariable("AGENTOPS_TEST_AGENT_TOKEN", "s3cret-token");
        HttpRequestMessage? seen = null;
        var config = Config("http://127.0.0.1:9/agent", """
                headers:
                  Authorization: "Bearer ${AGENTOPS_TEST_AGENT_TOKEN}"
                  X-Team: support
            """);
        var session = CandidateSession.Open(config, "agent", http: new HttpClient(new StubHandler(r => { seen = r; return Json(Reply); })));

        await session.Target.RespondAsync(Trial(), CancellationToken.None);

        Assert.Equal("Bearer s3cret-token", seen!.Headers.Authorization!.ToString());
        Assert.Equal("support", seen.Headers.GetValues("X-Team").Single());
    }

    [Fact]
    public void A_credential_written_into_headers_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<InputException>(() => Config("http://127.0.0.1:9/agent", """
                headers:
                  Authorization: "Bearer literal-secret-value"
            """));
        Assert.Contains("providers.agent.headers.Authorization", error.Message);
        Assert.DoesNotContain("literal-secret-value", error.Message);
    }

    [Fact]
    public async Task A_variable_in_the_endpoint_is_expanded_and_an_unset_one_is_bad_input_naming_it_and_the_config()
    {
        Environment.SetEnvironmentVariable("AGENTOPS_TEST_AGENT_HOST", "127.0.0.1:9");
        Uri? posted = null;
        var config = Config("http://${AGENTOPS_TEST_AGENT_HOST}/agent");
        var session = CandidateSession.Open(config, "agent", http: new HttpClient(new StubHandler(r => { posted = r.RequestUri; return Json(Reply); })));
        await session.Target.RespondAsync(Trial(), CancellationToken.None);
        Assert.Equal("http://127.0.0.1:9/agent", posted!.ToString());

        var unset = Config("http://${AGENTOPS_TEST_UNSET_VARIABLE_14}/agent");
        var error = Assert.Throws<InputException>(() => CandidateSession.Open(unset, "agent"));
        Assert.Contains("AGENTOPS_TEST_UNSET_VARIABLE_14", error.Message);
        Assert.Contains(unset.SourceFile, error.Message);
    }

    [Fact]
    public async Task The_body_is_sent_with_a_content_length_not_chunked()
    {
        long? length = null;
        bool? chunked = null;
        byte[]? body = null;
        var handler = new StubHandler(r =>
        {
            length = r.Content!.Headers.ContentLength;
            chunked = r.Headers.TransferEncodingChunked;
            body = r.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
            return Json(Reply);
        });
        var session = CandidateSession.Open(Config("http://127.0.0.1:9/agent"), "agent", http: new HttpClient(handler));

        await session.Target.RespondAsync(Trial(), CancellationToken.None);

        Assert.NotNull(length);
        Assert.Equal(body!.Length, length);
        Assert.NotEqual(true, chunked);
    }

    [Fact]
    public async Task Credentials_in_the_endpoint_go_as_basic_auth_and_never_into_error_messages()
    {
        HttpRequestMessage? seen = null;
        var config = Config("http://agent-user:hunter2@127.0.0.1:9/agent");
        var session = CandidateSession.Open(config, "agent", http: new HttpClient(new StubHandler(r => { seen = r; return new HttpResponseMessage(HttpStatusCode.BadRequest); })));

        var error = await Assert.ThrowsAsync<InfrastructureException>(() => session.Target.RespondAsync(Trial(), CancellationToken.None));

        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("agent-user:hunter2")), seen!.Headers.Authorization!.ToString());
        Assert.Equal("", seen.RequestUri!.UserInfo);
        Assert.DoesNotContain("hunter2", error.ToString());
        Assert.DoesNotContain("agent-user", error.ToString());
        Assert.Contains("127.0.0.1:9/agent", error.Message);
    }

    [Fact]
    public async Task A_refused_connection_is_classified_unreachable()
    {
        var port = FreePort();
        var session = CandidateSession.Open(Config($"http://127.0.0.1:{port}/agent", retries: 0), "agent");
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => session.Target.RespondAsync(Trial(), CancellationToken.None));
        Assert.Equal("unreachable", error.Kind);
    }

    [Fact]
    public async Task A_recorded_http_run_replays_offline_from_its_cassette()
    {
        var calls = 0;
        var config = Config("http://127.0.0.1:9/agent");
        var live = CandidateSession.Open(config, "agent", record: true, http: new HttpClient(new StubHandler(_ => { calls++; return Json(Reply); })));
        var recorded = await live.Target.RespondAsync(Trial("orders-007"), CancellationToken.None);
        Assert.Equal(1, live.SaveRecordings());

        var offline = CandidateSession.Open(config, "agent", providerOverride: "replay");
        var replayed = await offline.Target.RespondAsync(Trial("orders-007"), CancellationToken.None);

        Assert.Equal(1, calls);
        Assert.Equal(recorded.Output, replayed.Output);
        Assert.Equal(recorded.Usage.InputTokens, replayed.Usage.InputTokens);
        var missing = await Assert.ThrowsAsync<InfrastructureException>(() => offline.Target.RespondAsync(Trial("orders-008"), CancellationToken.None));
        Assert.Equal("missing-recording", missing.Kind);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static HttpResponseMessage Json(string json) => new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }
}
