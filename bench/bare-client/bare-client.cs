// The floor under W1: the bare Microsoft.Extensions.AI OpenAI client, no harness, 10,000 calls at the given concurrency.
// Usage: dotnet run bench/bare-client/bare-client.cs -- http://127.0.0.1:PORT/v1/ 10000 64   (fake server started with --latency-ms 20)
#:package Microsoft.Extensions.AI.OpenAI
#:property PublishAot=false
#:property TieredCompilationQuickJit=false
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using OpenAI;

var endpoint = new Uri(args[0]);
int n = int.Parse(args[1]), concurrency = int.Parse(args[2]);
var client = new OpenAI.Chat.ChatClient("m", new ApiKeyCredential("x"), new OpenAIClientOptions { Endpoint = endpoint, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = Timeout.InfiniteTimeSpan }).AsIChatClient();
// warm
for (int i = 0; i < 200; i++) await client.GetResponseAsync([new ChatMessage(ChatRole.User, "warm " + i)]);
var sw = Stopwatch.StartNew();
var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, ct) =>
{
    await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Where is order E-" + i + "?")], cancellationToken: ct);
});
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
Console.WriteLine($"wall {sw.Elapsed.TotalSeconds:0.00} s, cpu {cpu.TotalSeconds:0.00} s, per call {cpu.TotalMilliseconds / n:0.000} ms");
