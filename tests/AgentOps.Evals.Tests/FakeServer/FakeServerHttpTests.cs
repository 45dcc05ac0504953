using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgentOps.Evals.FakeModelServer;
using Server = AgentOps.Evals.FakeModelServer.FakeModelServer;

namespace AgentOps.Evals.Tests.FakeServer;

public sealed class FakeServerHttpTests
{
    private const string Rules = """
        default-reply: "Default from the file."
        rules:
          - name: v4-greeting
            system-contains: "support-agent v4"
            user: '\bhello\b'
            reply: "Hello from v4."
          - name: greeting
            user: '\bhello\b'
            reply: "Hello from v3, {{model}}."
          - name: lookup
            user: 'order (A-\d{4})'
            call: {name: get_order_status, args: {order_id: "{{user.1}}", verbose: true, limit: 3}}
          - name: status
            after: get_order_status
            tool-result: {status: '^shipped$'}
            reply: "Order {{tool.order_id}} is {{tool.status}}, first item {{tool.items.0}}."
        """;

    private static readonly FakeAgentRules ParsedRules = FakeAgentRules.Parse(Rules);

    private static async Task<JsonObject> PostAsync(Server server, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(server.BaseUrl, "chat/completions"), Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static StringContent Json(object body) =>
        new(body as string ?? System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static object Request(string user, string system = "support-agent v3", string model = "gpt-4.1-mini") => new
    {
        model,
        messages = new object[] { new { role = "system", content = system }, new { role = "user", content = user } },
    };

    [Fact]
    public async Task Text_reply_is_a_chat_completion_with_usage_and_the_model_echoed()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = ParsedRules });

        var json = await PostAsync(server, Request("hello there"));

        Assert.Equal("chat.completion", (string?)json["object"]);
        Assert.Equal("gpt-4.1-mini", (string?)json["model"]);
        Assert.Equal("Hello from v3, gpt-4.1-mini.", (string?)json["choices"]![0]!["message"]!["content"]);
        Assert.Equal("stop", (string?)json["choices"]![0]!["finish_reason"]);
        // "support-agent v3" + "hello there" = 4 words → 6 tokens; "Hello from v3, gpt-4.1-mini." = 4 words → 6 tokens.
        Assert.Equal(6, (int)json["usage"]!["prompt_tokens"]!);
        Assert.Equal(6, (int)json["usage"]!["completion_tokens"]!);
        Assert.Equal(12, (int)json["usage"]!["total_tokens"]!);
        Assert.StartsWith("http://127.0.0.1:", server.BaseUrl.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/v1/", server.BaseUrl.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_match_on_the_prompt_version()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = ParsedRules });

        var v3 = await PostAsync(server, Request("hello", system: "Version: support-agent v3"));
        var v4 = await PostAsync(server, Request("hello", system: "Version: support-agent v4", model: "gpt-5-mini"));

        Assert.Equal("Hello from v3, gpt-4.1-mini.", (string?)v3["choices"]![0]!["message"]!["content"]);
        Assert.Equal("Hello from v4.", (string?)v4["choices"]![0]!["message"]!["content"]);
    }

    [Fact]
    public async Task Unmatched_requests_get_the_default_reply_and_options_override_it()
    {
        await using (var server = await Server.StartAsync(new FakeServerOptions { Rules = ParsedRules }))
        {
            var json = await PostAsync(server, Request("something else entirely"));
            Assert.Equal("Default from the file.", (string?)json["choices"]![0]!["message"]!["content"]);
        }
        await using (var server = await Server.StartAsync(new FakeServerOptions { DefaultReply = "Override." }))
        {
            var json = await PostAsync(server, Request("hello"));
            Assert.Equal("Override.", (string?)json["choices"]![0]!["message"]!["content"]);
        }
    }

    [Fact]
    public async Task Tool_call_then_reply_from_the_tool_result()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = ParsedRules });
        var tools = new object[] { new { type = "function", function = new { name = "get_order_status", description = "Look up", parameters = new { type = "object" } } } };

        var first = await PostAsync(server, new
        {
            model = "m",
            messages = new object[] { new { role = "user", content = "where is order A-1234" } },
            tools,
        });
        var choice = first["choices"]![0]!;
        Assert.Equal("tool_calls", (string?)choice["finish_reason"]);
        Assert.Null(choice["message"]!["content"]);
        var call = choice["message"]!["tool_calls"]![0]!;
        Assert.Equal("function", (string?)call["type"]);
        Assert.Equal("get_order_status", (string?)call["function"]!["name"]);
        var args = JsonNode.Parse((string)call["function"]!["arguments"]!)!;
        Assert.Equal("A-1234", (string?)args["order_id"]);
        Assert.True((bool)args["verbose"]!);
        Assert.Equal(3, (int)args["limit"]!);
        var callId = (string)call["id"]!;

        var second = await PostAsync(server, new
        {
            model = "m",
            messages = new object[]
            {
                new { role = "user", content = "where is order A-1234" },
                new { role = "assistant", content = (string?)null, tool_calls = new object[] { new { id = callId, type = "function", function = new { name = "get_order_status", arguments = args.ToJsonString() } } } },
                new { role = "tool", tool_call_id = callId, content = """{"order_id":"A-1234","status":"shipped","items":["boots"]}""" },
            },
            tools,
        });
        Assert.Equal("Order A-1234 is shipped, first item boots.", (string?)second["choices"]![0]!["message"]!["content"]);
        Assert.Equal("stop", (string?)second["choices"]![0]!["finish_reason"]);
    }

    [Fact]
    public async Task Tool_call_ids_repeat_for_the_same_conversation()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = ParsedRules });
        var body = new
        {
            model = "m",
            messages = new object[] { new { role = "user", content = "order A-1234" } },
            tools = new object[] { new { type = "function", function = new { name = "get_order_status", parameters = new { type = "object" } } } },
        };

        var a = await PostAsync(server, body);
        var b = await PostAsync(server, body);

        Assert.Equal((string?)a["choices"]![0]!["message"]!["tool_calls"]![0]!["id"], (string?)b["choices"]![0]!["message"]!["tool_calls"]![0]!["id"]);
    }

    [Fact]
    public async Task A_tool_call_rule_is_skipped_when_the_request_does_not_offer_the_tool()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { Rules = ParsedRules });

        var json = await PostAsync(server, Request("order A-1234"));

        Assert.Equal("Default from the file.", (string?)json["choices"]![0]!["message"]!["content"]);
    }

    [Fact]
    public async Task Streaming_sends_chunks_that_join_to_the_reply_then_usage_then_done()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { DefaultReply = "one two three four five six seven eight nine" });
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(server.BaseUrl, "chat/completions"), Json(new
        {
            model = "m",
            stream = true,
            stream_options = new { include_usage = true },
            messages = new object[] { new { role = "user", content = "hi" } },
        }));
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = (await response.Content.ReadAsStringAsync())
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.StartsWith("data: ", StringComparison.Ordinal) ? e[6..] : throw new global::Xunit.Sdk.XunitException("not an SSE data line: " + e))
            .ToList();

        Assert.Equal("[DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonNode.Parse(e)!).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string?)c["object"]));
        Assert.True(chunks.Count >= 4, "expected the text in several pieces");
        var text = string.Concat(chunks.Where(c => c["choices"]!.AsArray().Count > 0).Select(c => (string?)c["choices"]![0]!["delta"]!["content"]));
        Assert.Equal("one two three four five six seven eight nine", text);
        var finish = chunks.Where(c => c["choices"]!.AsArray().Count > 0).Select(c => (string?)c["choices"]![0]!["finish_reason"]).Where(f => f is not null).ToList();
        Assert.Equal(["stop"], finish);
        var usage = chunks[^1];
        Assert.Empty(usage["choices"]!.AsArray());
        Assert.Equal(12, (int)usage["usage"]!["completion_tokens"]!);
    }

    [Fact]
    public async Task Tiny_max_tokens_cuts_the_reply_with_finish_reason_length()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { DefaultReply = "one two three four five six seven eight nine" });

        var json = await PostAsync(server, new { model = "m", max_tokens = 4, messages = new object[] { new { role = "user", content = "hi" } } });

        Assert.Equal("length", (string?)json["choices"]![0]!["finish_reason"]);
        Assert.Equal("one two three", (string?)json["choices"]![0]!["message"]!["content"]);
        Assert.True((int)json["usage"]!["completion_tokens"]! <= 4);
    }

    [Fact]
    public async Task Rate_limit_fault_answers_429_with_retry_after_headers()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { RateLimitRate = 1.0, RetryAfterSeconds = 0.25 });
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUrl, "chat/completions"), Json(Request("hi")));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal("250", response.Headers.GetValues("retry-after-ms").Single());
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("rate_limit_exceeded", (string?)error["error"]!["code"]);
        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, server.CompletedCount);
    }

    [Fact]
    public async Task Server_error_fault_answers_500()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { ServerErrorRate = 1.0 });

        var error = await PostAsync(server, Request("hi"), HttpStatusCode.InternalServerError);

        Assert.Equal("server_error", (string?)error["error"]!["type"]);
    }

    [Fact]
    public async Task Malformed_fault_answers_200_with_a_body_that_is_not_json()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { MalformedRate = 1.0 });
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUrl, "chat/completions"), Json(Request("hi")));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => JsonNode.Parse(body));
    }

    [Fact]
    public async Task Hang_fault_never_answers_and_ends_when_the_client_gives_up()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { HangRate = 1.0 });
        using var http = new HttpClient();
        using var giveUp = new CancellationTokenSource();

        var call = http.PostAsync(new Uri(server.BaseUrl, "chat/completions"), Json(Request("hi")), giveUp.Token);
        await ServerWait.UntilAsync(() => server.RequestCount == 1);
        await Task.Delay(100);
        Assert.False(call.IsCompleted);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);

        Assert.Equal(1, server.RequestCount);
        Assert.Equal(0, server.CompletedCount);
    }

    [Fact]
    public async Task Faults_follow_the_seed()
    {
        async Task<string> RunAsync(int seed)
        {
            await using var server = await Server.StartAsync(new FakeServerOptions { RateLimitRate = 0.3, ServerErrorRate = 0.3, Seed = seed });
            using var http = new HttpClient();
            var codes = new StringBuilder();
            for (var i = 0; i < 20; i++)
            {
                using var response = await http.PostAsync(new Uri(server.BaseUrl, "chat/completions"), Json(Request("hi")));
                codes.Append((int)response.StatusCode).Append(' ');
            }
            return codes.ToString();
        }

        var first = await RunAsync(7);
        Assert.Equal(first, await RunAsync(7));
        Assert.Contains("200", first, StringComparison.Ordinal);
        Assert.Contains("429", first, StringComparison.Ordinal);
        Assert.Contains("500", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counters_count_requests_and_completions_and_reset()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions());
        for (var i = 0; i < 3; i++) await PostAsync(server, Request("hi"));
        await PostAsync(server, "{not json", HttpStatusCode.BadRequest);

        Assert.Equal(4, server.RequestCount);
        Assert.Equal(3, server.CompletedCount);

        server.ResetCounters();
        Assert.Equal(0, server.RequestCount);
        Assert.Equal(0, server.CompletedCount);
    }

    [Fact]
    public async Task Models_and_health_endpoints_answer()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions());
        using var http = new HttpClient();

        var models = JsonNode.Parse(await http.GetStringAsync(new Uri(server.BaseUrl, "models")))!;
        var health = await http.GetStringAsync(new Uri(server.BaseUrl, "/health"));

        Assert.Contains(models["data"]!.AsArray(), m => (string?)m!["id"] == "gpt-5-mini");
        Assert.Equal("ok", health);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Latency_delays_the_reply()
    {
        await using var server = await Server.StartAsync(new FakeServerOptions { LatencyMs = 200 });
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await PostAsync(server, Request("hi"));

        // A lower bound only: a delay can be longer on a busy machine, never shorter.
        Assert.True(watch.ElapsedMilliseconds >= 190, $"answered after {watch.ElapsedMilliseconds} ms");
    }
}
