using System.Globalization;
using AgentOps.Evals.FakeModelServer;

// dotnet run --project bench/AgentOps.Evals.FakeModelServer -- --port 8080 --latency-ms 20 --rules fixtures/fake-agent/rules.yaml
//   [--rate-429 0.1 --rate-500 0.05 --rate-hang 0.02 --rate-malformed 0.01 --retry-after 1 --seed 1 --default-reply TEXT]
FakeModelServer server;
try
{
    server = await FakeModelServer.StartAsync(CommandLine.Parse(args));
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}
catch (IOException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await using var running = server;
Console.WriteLine(server.BaseUrl);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
// The web host's console lifetime swallows SIGTERM and waits for Main; without our own handler the process never exits.
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}
Console.Error.WriteLine($"requests={server.RequestCount.ToString(CultureInfo.InvariantCulture)} completed={server.CompletedCount.ToString(CultureInfo.InvariantCulture)}");
return 0;
