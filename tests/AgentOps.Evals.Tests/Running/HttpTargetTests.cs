using System.Net;
using System.Text;
using System.Text.Json;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Running;

public sealed class HttpTargetTests
{
    private static readonly CandidateIdentity Agent = new("agent", "team-agent", "none", "http", "0.1.0");

    [Fact]
    public async Task The_case_is_posted_as_documented_json_and_the_reply_becomes_the_trial_response()
    {
        JsonDocument? posted = null;
        var handler = new StubHandler(async request =>
        {
            posted = JsonDocument.Parse(await request.Content!.ReadAsStringAsync());
            return Json(HttpStatusCode.OK, """
                {"output": "Delivered on 2026-06-01.", "finish_reason": "stop", "model": "team-agent-7",
                 "tool_calls": [{"name": "get_order_status", "arguments": {"order_id": "A-1001"}, "result": {"status": "delivered"}}],
                 "usage": {"input_tokens": 120, "output_tokens": 9, "cost_usd": 0.0002}}
                """);
        });
        var target = new HttpTarget(new HttpClient(handler), new Uri("http://127.0.0.1:9/agent"));
        var response = await target.RespondAsync(new TrialRequest(TestCases.Make("orders-001", tools: [TestCases.OrderTool()]), 2, Agent), CancellationToken.None);

        var body = posted!.RootElement;
        Assert.Equal("orders-001", body.GetProperty("case_id").GetString());
        Assert.Equal(2, body.GetProperty("trial").GetInt32());
        Assert.Equal("user", body.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal("gold", body.GetProperty("vars").GetProperty("customer_tier").GetString());
        Assert.Equal("get_order_status", body.GetProperty("tools")[0].GetProperty("name").GetString());

        Assert.Equal("Delivered on 2026-06-01.", response.Output);
        Assert.Equal("team-agent-7", response.ModelId);
        Assert.Equal(120, response.Usage.InputTokens);
        Assert.Equal(0.0002m, response.Usage.CostUsd);
        var call = Assert.Single(response.Trajectory.ToolCalls);
        Assert.Equal("""{"order_id": "A-1001"}""", call.ArgumentsJson);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "rate-limited")]
    [InlineData(HttpStatusCode.BadGateway, "server-error")]
    [InlineData(HttpStatusCode.Unauthorized, "client-error")]
    public async Task Failed_replies_are_classified_infrastructure_errors(HttpStatusCode status, string kind)
    {
        var target = new HttpTarget(new HttpClient(new StubHandler(_ => Task.FromResult(Json(status, "{}")))), new Uri("http://127.0.0.1:9/agent"));
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => target.RespondAsync(new TrialRequest(TestCases.Make("c"), 0, Agent), CancellationToken.None));
        Assert.Equal(kind, error.Kind);
    }

    [Fact]
    public async Task A_reply_that_is_not_the_documented_json_is_a_malformed_response()
    {
        var target = new HttpTarget(new HttpClient(new StubHandler(_ => Task.FromResult(Json(HttpStatusCode.OK, "{\"output\": ")))), new Uri("http://127.0.0.1:9/agent"));
        var error = await Assert.ThrowsAsync<InfrastructureException>(() => target.RespondAsync(new TrialRequest(TestCases.Make("c"), 0, Agent), CancellationToken.None));
        Assert.Equal("malformed-response", error.Kind);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private sealed class StubHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => answer(request);
    }
}
