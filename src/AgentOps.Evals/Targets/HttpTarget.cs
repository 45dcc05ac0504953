using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AgentOps.Evals.Config;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Providers.RateLimiting;

namespace AgentOps.Evals.Targets;

/// <summary>Puts a team's own agent endpoint under test: POSTs the case as JSON and reads a documented JSON reply,
/// through the same retries, time limit, rate limiting and recording as chat calls.</summary>
/// <remarks>Request: <c>{case_id, trial, candidate, messages:[{role,content}], vars, context, tools:[{name,description,parameters,returns}]}</c>.
/// Reply: <c>{output, tool_calls:[{name, arguments, result, error}], usage:{input_tokens, output_tokens, cost_usd}, finish_reason, model}</c>.</remarks>
public sealed class HttpTarget : ITarget
{
    private readonly HttpClient _http;
    private readonly HttpTargetEndpoint _endpoint;
    private readonly HttpTargetOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Calls <paramref name="endpoint"/> through <paramref name="http"/> with the retries, time limit, limiter and recording of <paramref name="options"/>.</summary>
    public HttpTarget(HttpClient http, HttpTargetEndpoint endpoint, HttpTargetOptions options)
    {
        _http = http;
        _endpoint = endpoint;
        _options = options;
        _time = options.Time ?? TimeProvider.System;
    }

    /// <summary>One attempt per trial at <paramref name="endpoint"/>, no limiter: for tests and in-code use.</summary>
    public HttpTarget(HttpClient http, Uri endpoint)
        : this(http, HttpTargetEndpoint.From(new ProviderConfig("http", "http", endpoint.OriginalString), "(code)"), HttpTargetOptions.Single) { }

    /// <inheritdoc/>
    public async Task<TargetResponse> RespondAsync(TrialRequest request, CancellationToken cancellationToken)
    {
        var body = HttpTargetRequest.Body(request);
        var started = Stopwatch.GetTimestamp();
        var json = await RetryLoop.RunAsync(ct => PostOnceAsync(body, ct), _options.Retries, _time, cancellationToken).ConfigureAwait(false);
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var response = HttpTargetReply.Parse(json, request, latency);
        _options.Recording?.Add(new CassetteEntry
        {
            Key = HttpTargetRequest.Key(body),
            Case = request.Case.Id,
            Trial = request.TrialIndex,
            Model = request.Candidate.ModelId,
            Prompt = Shorten(request.Case.Input.Messages.LastOrDefault()?.Content),
            Text = json,
            FinishReason = response.FinishReason,
            ResponseModel = response.ModelId,
            InputTokens = response.Usage.InputTokens,
            OutputTokens = response.Usage.OutputTokens,
            LatencyMs = latency,
        });
        return response;
    }

    /// <summary>One POST: paced by the limiter, limited in time, classified on failure (the retry loop decides what next).</summary>
    private async Task<string> PostOnceAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var lease = _options.Limiter is { } limiter ? await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false) : null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_options.Timeout);
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint.Uri) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Content.Headers.ContentLength = body.Length;
        foreach (var (name, value) in _endpoint.Headers)
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content.Headers.TryAddWithoutValidation(name, value);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, limit.Token).ConfigureAwait(false);
            var headers = RateLimitHeaders.Read(name => HeaderValue(response, name), _time.GetUtcNow());
            _options.Limiter?.Learn(headers);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                _options.Limiter?.OnRejected(headers.RetryAfter);
                throw new InfrastructureException("rate-limited", $"agent endpoint {_endpoint} answered 429") { RetryAfter = headers.RetryAfter };
            }
            if (status >= 500)
                throw new InfrastructureException("server-error", $"agent endpoint {_endpoint} answered {status}") { RetryAfter = headers.RetryAfter };
            if (status == 408)
                throw new InfrastructureException("timeout", $"agent endpoint {_endpoint} answered 408");
            if (!response.IsSuccessStatusCode)
                throw new InfrastructureException("client-error", $"agent endpoint {_endpoint} answered {status}");
            var json = await response.Content.ReadAsStringAsync(limit.Token).ConfigureAwait(false);
            _options.Limiter?.OnSuccess(0);
            return json;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Our time limit, not Ctrl-C: the trial is an infra error and the run goes on.
            throw new InfrastructureException("timeout", $"agent endpoint {_endpoint} gave no reply within {_options.Timeout.TotalSeconds:0.###} s", e);
        }
        catch (HttpRequestException e)
        {
            // The message names host and port at most; the endpoint is shown redacted.
            throw new InfrastructureException(e.StatusCode is null ? "unreachable" : "server-error", $"agent endpoint {_endpoint} unreachable: {e.Message}", e);
        }
    }

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? values.FirstOrDefault() : null;

    private static string? Shorten(string? text) => text is null || text.Length <= 200 ? text : text[..200];
}
