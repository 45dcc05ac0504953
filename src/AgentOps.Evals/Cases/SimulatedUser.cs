namespace AgentOps.Evals.Cases;

/// <summary>A user played by a model (<c>input.simulated-user</c>): a persona pursuing a goal, for open-ended flows.
/// It speaks after the scripted turns, until it says <paramref name="StopWhen"/> or <paramref name="MaxTurns"/> replies were given.</summary>
/// <param name="Model">The model that plays the user; the candidate's model when null. Its calls go through the candidate's pipeline (cassettes, limits).</param>
/// <param name="Persona">Who the user is (tone, situation).</param>
/// <param name="Goal">What the user wants from the agent.</param>
/// <param name="MaxTurns">The most replies the simulated user gives.</param>
/// <param name="StopWhen">The text the simulated user says when its goal is met.</param>
public sealed record SimulatedUser(string Persona, string Goal, int MaxTurns, string StopWhen, string? Model)
{
    /// <summary>What the simulated user says when its goal is met, unless the case names its own stop text.</summary>
    public const string DefaultStop = "[DONE]";
}
