namespace AgentOps.Evals.Tests.FakeServer;

/// <summary>Waits for the server to reach a state, so tests depend on events and not on how fast the machine is.</summary>
internal static class ServerWait
{
    public static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the fake server never reached the expected state");
            await Task.Delay(10);
        }
    }
}
