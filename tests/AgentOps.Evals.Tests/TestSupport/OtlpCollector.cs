using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace AgentOps.Evals.Tests.TestSupport;

/// <summary>A minimal OTLP/HTTP collector on 127.0.0.1: accepts every export and counts the bytes received per path
/// (/v1/traces, /v1/metrics, /v1/logs).</summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _received = new();
    private readonly Task _serving;

    public OtlpCollector()
    {
        Endpoint = $"http://127.0.0.1:{FreePort()}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>What to pass to <c>--otlp</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Bytes received on a path so far, e.g. <c>/v1/traces</c>.</summary>
    public long BytesAt(string path) => _received.GetValueOrDefault(path);

    public string Paths => string.Join(", ", _received.Keys);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _received.AddOrUpdate(context.Request.Url!.AbsolutePath, body.Length, (_, total) => total + body.Length);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving;
        _listener.Close();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
