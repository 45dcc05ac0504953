using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AgentOps.Evals.Tests.Providers.Native;

/// <summary>One request as the fake received it.</summary>
internal sealed record WireRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At);

/// <summary>One scripted reply: status, body, content type and extra headers (retry-after, rate-limit headers).</summary>
internal sealed record WireReply(int Status, string Body, string ContentType = "application/json", IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>A provider's wire format on 127.0.0.1: answers every request with the next scripted reply (the last one repeats)
/// and keeps what it received, stamped with <paramref name="time"/> so retry waits can be read off a fake clock.</summary>
internal sealed class WireFake : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<WireReply> _replies;
    private readonly TimeProvider _time;
    private readonly ConcurrentQueue<WireRequest> _received = new();
    private readonly Task _loop;
    private WireReply _last;

    private WireFake(IEnumerable<WireReply> replies, TimeProvider? time)
    {
        _replies = new ConcurrentQueue<WireReply>(replies);
        _last = new WireReply(500, "{\"error\":\"no reply scripted\"}");
        _time = time ?? TimeProvider.System;
        var port = Targets.HttpTargetResilienceTests.FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public static WireFake Start(TimeProvider? time, params WireReply[] replies) => new(replies, time);

    public static WireFake Start(params WireReply[] replies) => new(replies, null);

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseUrl { get; }

    public IReadOnlyList<WireRequest> Requests => _received.ToList();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            _received.Enqueue(new WireRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body, _time.GetUtcNow()));
            var reply = _replies.TryDequeue(out var next) ? _last = next : _last;
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>()) context.Response.AddHeader(name, value);
            try
            {
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The client went away (a cancelled call): nothing to answer.
            }
        }
    }

    public void Dispose()
    {
        if (!_listener.IsListening) return;
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
