using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>What an in-process target is built from: the candidate, its model, its prompt, and the model pipeline its calls go
/// through (record/replay from cassettes, retries, rate limits, cost), so an agent built on <see cref="ChatClient"/> replays offline.</summary>
/// <param name="Candidate">The candidate's name in the config.</param>
/// <param name="Model">The candidate's model id.</param>
/// <param name="ChatClient">The candidate's pipeline; shared by trials (each trial binds its own context over it).</param>
/// <param name="Prompt">The candidate's prompt template, rendered per case as the agent's instructions; null when it has none.</param>
/// <param name="MaxToolIterations">run.max-tool-iterations: model calls beyond this many tool rounds end the trial as a circuit break.</param>
public sealed record TargetContext(string Candidate, string Model, IChatClient ChatClient, PromptTemplate? Prompt, int MaxToolIterations);
