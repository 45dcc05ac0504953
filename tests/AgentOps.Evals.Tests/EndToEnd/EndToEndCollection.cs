namespace AgentOps.Evals.Tests.EndToEnd;

/// <summary>End-to-end tests start CLI processes against a fake server; they run one at a time so they don't starve each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "End to end (child processes)";
}
