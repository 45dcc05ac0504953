namespace AgentOps.Evals.Running;

/// <summary>One user message of a conversation and the agent's reply, with the model turns that produced it
/// (<see cref="ModelTurn.Index"/> from <paramref name="FirstModelTurn"/>, <paramref name="ModelTurnCount"/> of them).</summary>
/// <param name="Source"><see cref="History"/> (the input history ended with this user message), <see cref="Scripted"/> (input.turns)
/// or <see cref="Simulated"/> (the simulated user wrote it).</param>
public sealed record ConversationTurn(int Index, string User, string Output, int FirstModelTurn, int ModelTurnCount, string Source = ConversationTurn.Scripted)
{
    public const string History = "history";
    public const string Scripted = "scripted";
    public const string Simulated = "simulated";
}
