using AgentOps.Evals.Bench.Harvest;

return args.FirstOrDefault() switch
{
    "detection" => DetectionBench.Run(args.Skip(1).ToArray()),
    "throughput" => ThroughputBench.Run(args.Skip(1).ToArray()),
    "fixtures" => FixtureWriter.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: detection [--corpus DIR] [--json FILE] | throughput [--mb N] [--out DIR] [--key HEX] [--cases DIR] | fixtures DIR");
    return 2;
}
