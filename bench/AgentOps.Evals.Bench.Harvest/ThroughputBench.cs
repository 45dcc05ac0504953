namespace AgentOps.Evals.Bench.Harvest;

internal static class ThroughputBench
{
    public static int Run(string[] args) => 2;
}
