namespace AgentOps.Evals.Running;

/// <summary>One user message of a conversation and the agent's reply, with the model turns that produced it
/// (<see cref="ModelTurn.Index"/> from <paramref name="FirstModelTurn"/>, <paramref name="ModelTurnCount"/> of them).</summary>
/// <param name="Simulated">True when a simulated user wrote the message.</param>
public sealed record ConversationTurn(int Index, string User, string Output, int FirstModelTurn, int ModelTurnCount, bool Simulated = false);
