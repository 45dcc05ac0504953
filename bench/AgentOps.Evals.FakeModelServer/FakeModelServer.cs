using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>An OpenAI-compatible chat completions server on 127.0.0.1 that plays a scripted agent and injects faults on demand.</summary>
public sealed class FakeModelServer : IAsyncDisposable
{
    private static readonly string[] Models = ["gpt-4.1-mini", "gpt-5-mini", "gpt-4.1", "fake-model"];

    private readonly WebApplication _app;
    private readonly FakeServerOptions _options;
    private readonly ScriptedAgent _agent;
    private readonly FaultInjector _faults;
    private readonly ServerRateLimit? _limit;
    private readonly CancellationTokenSource _stopping = new();
    private long _requests;
    private long _completed;
    private long _nextId;
    private readonly ConcurrentDictionary<string, long> _byUserMessage = new(StringComparer.Ordinal);

    private FakeModelServer(WebApplication app, FakeServerOptions options, FakeAgentRules rules)
    {
        _app = app;
        _options = options;
        _agent = new ScriptedAgent(rules, options.DefaultReply ?? rules.DefaultReply, options.MaxTokensStop);
        _faults = new FaultInjector(options);
        if (options.LimitRequestsPerSecond > 0 || options.LimitTokensPerMinute > 0)
            _limit = new ServerRateLimit(options.LimitRequestsPerSecond, options.LimitTokensPerMinute, options.LimitBurstSeconds, options.Time);
        BaseUrl = new Uri("http://127.0.0.1/v1/");
    }

    /// <summary>The OpenAI base URL, e.g. http://127.0.0.1:PORT/v1/ (give it to a client as its endpoint).</summary>
    public Uri BaseUrl { get; private set; }

    /// <summary>Chat completion requests received, faulted ones included.</summary>
    public long RequestCount => Interlocked.Read(ref _requests);

    /// <summary>Chat completion requests answered with a well-formed reply.</summary>
    public long CompletedCount => Interlocked.Read(ref _completed);

    /// <summary>Well-formed requests received per last user message, counted on arrival (before latency and faults),
    /// so a test can tell which case a model call was for.</summary>
    public IReadOnlyDictionary<string, long> RequestsByUserMessage => new Dictionary<string, long>(_byUserMessage, StringComparer.Ordinal);

    /// <summary>Requests refused by the rate-limit mode (<see cref="FakeServerOptions.LimitRequestsPerSecond"/>, <see cref="FakeServerOptions.LimitTokensPerMinute"/>).</summary>
    public long RateLimitedCount => _limit?.Rejected ?? 0;

    /// <summary>Tokens charged to admitted requests by the rate-limit mode.</summary>
    public long AdmittedTokens => _limit?.AdmittedTokens ?? 0;

    /// <summary>Sets every counter to zero.</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _completed, 0);
        _byUserMessage.Clear();
    }

    /// <summary>Starts the server; the rules come from <see cref="FakeServerOptions.Rules"/>, else <see cref="FakeServerOptions.RulesFile"/>.</summary>
    public static async Task<FakeModelServer> StartAsync(FakeServerOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rules = options.Rules ?? (options.RulesFile is { } file ? FakeAgentRules.Load(file) : FakeAgentRules.Empty);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(FakeModelServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        var server = new FakeModelServer(app, options, rules);

        app.MapPost("/v1/chat/completions", server.HandleChatAsync);
        app.MapPost("/chat/completions", server.HandleChatAsync);
        app.MapPost("/v1/embeddings", EmbeddingsEndpoint.HandleAsync);
        app.MapGet("/v1/models", WriteModelsAsync);
        app.MapGet("/models", WriteModelsAsync);
        app.MapGet("/health", (HttpContext context) => context.Response.WriteAsync("ok"));
        // The bench's kill/resume check reads how often each case was requested while the client it killed is gone.
        app.MapGet("/v1/_counts", server.WriteCountsAsync);

        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        server.BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/v1/");
        return server;
    }

    /// <summary>Stops listening; requests left hanging are cancelled first.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleChatAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var aborted = context.RequestAborted;
        var fault = _faults.Next();
        try
        {
            // Read before any delay or fault so the per-message count includes calls the client later abandons.
            ChatRequest? request = null;
            string? badRequest = null;
            try
            {
                using var document = await JsonDocument.ParseAsync(context.Request.Body, default, aborted).ConfigureAwait(false);
                request = ChatRequest.Parse(document.RootElement);
                var lastUser = request.Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
                _byUserMessage.AddOrUpdate(lastUser, 1, (_, n) => n + 1);
            }
            catch (JsonException e)
            {
                badRequest = e.Message;
            }

            // Like OpenAI, a request over the limit is refused on arrival, before any work.
            if (_limit is not null && request is not null)
            {
                var cost = TokenCounter.Prompt(request) + TokenCounter.Completion(_agent.Reply(request));
                if (_limit.TryAdmit(cost, context.Response.Headers) is { } wait)
                {
                    var response429 = context.Response;
                    response429.StatusCode = StatusCodes.Status429TooManyRequests;
                    response429.Headers.RetryAfter = Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    response429.Headers["retry-after-ms"] = Math.Ceiling(wait.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                    await WriteErrorAsync(response429, "Rate limit reached for requests (fake model server's rate-limit mode).", "requests", "rate_limit_exceeded").ConfigureAwait(false);
                    return;
                }
            }

            if (fault == Fault.Hang)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, _stopping.Token);
                await Task.Delay(Timeout.Infinite, linked.Token).ConfigureAwait(false);
                return;
            }
            if (_options.LatencyMs > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(_options.LatencyMs), _options.Time, aborted).ConfigureAwait(false);

            var response = context.Response;
            switch (fault)
            {
                case Fault.RateLimit:
                    response.StatusCode = StatusCodes.Status429TooManyRequests;
                    response.Headers.RetryAfter = Math.Max(0, Math.Ceiling(_options.RetryAfterSeconds)).ToString(CultureInfo.InvariantCulture);
                    response.Headers["retry-after-ms"] = Math.Max(0, Math.Round(_options.RetryAfterSeconds * 1000)).ToString(CultureInfo.InvariantCulture);
                    await WriteErrorAsync(response, "Rate limit reached (injected by the fake model server).", "requests", "rate_limit_exceeded").ConfigureAwait(false);
                    return;
                case Fault.ServerError:
                    response.StatusCode = StatusCodes.Status500InternalServerError;
                    await WriteErrorAsync(response, "The server had an error processing your request (injected by the fake model server).", "server_error", null).ConfigureAwait(false);
                    return;
            }

            if (request is null)
            {
                response.StatusCode = StatusCodes.Status400BadRequest;
                await WriteErrorAsync(response, "Invalid chat completions request: " + badRequest, "invalid_request_error", null).ConfigureAwait(false);
                return;
            }

            var header = new CompletionHeader(
                "chatcmpl-fake-" + Interlocked.Increment(ref _nextId).ToString("x8", CultureInfo.InvariantCulture),
                _options.Time.GetUtcNow().ToUnixTimeSeconds(),
                request.Model,
                0,
                0);
            if (fault == Fault.Malformed)
            {
                response.ContentType = "application/json";
                CompletionWriter.WriteMalformed(response.BodyWriter, header);
                await response.BodyWriter.FlushAsync(aborted).ConfigureAwait(false);
                return;
            }

            var reply = _agent.Reply(request);
            header = header with { PromptTokens = TokenCounter.Prompt(request), CompletionTokens = TokenCounter.Completion(reply) };
            if (request.Stream)
            {
                response.ContentType = "text/event-stream";
                response.Headers.CacheControl = "no-cache";
                CompletionWriter.WriteStream(response.BodyWriter, header, reply, request.IncludeUsage);
            }
            else
            {
                response.ContentType = "application/json";
                CompletionWriter.WriteCompletion(response.BodyWriter, header, reply);
            }
            await response.BodyWriter.FlushAsync(aborted).ConfigureAwait(false);
            Interlocked.Increment(ref _completed);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The client gave up or the server is stopping: there is nobody left to answer.
        }
    }

    private static async Task WriteErrorAsync(HttpResponse response, string message, string type, string? code)
    {
        response.ContentType = "application/json";
        CompletionWriter.WriteError(response.BodyWriter, message, type, code);
        await response.BodyWriter.FlushAsync().ConfigureAwait(false);
    }

    private async Task WriteCountsAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteNumber("requests", RequestCount);
            json.WriteNumber("completed", CompletedCount);
            json.WriteNumber("rateLimited", RateLimitedCount);
            json.WriteNumber("admittedTokens", AdmittedTokens);
            json.WriteStartObject("byUserMessage");
            foreach (var (message, count) in _byUserMessage)
                json.WriteNumber(message, count);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        await context.Response.BodyWriter.FlushAsync().ConfigureAwait(false);
    }

    private static async Task WriteModelsAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json";
        using (var json = new Utf8JsonWriter(context.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("object", "list");
            json.WriteStartArray("data");
            foreach (var model in Models)
            {
                json.WriteStartObject();
                json.WriteString("id", model);
                json.WriteString("object", "model");
                json.WriteNumber("created", 0);
                json.WriteString("owned_by", "agentops-fake");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await context.Response.BodyWriter.FlushAsync().ConfigureAwait(false);
    }
}
