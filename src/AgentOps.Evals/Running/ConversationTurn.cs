namespace AgentOps.Evals.Running;

/// <summary>One user message of a conversation and the agent's reply, with the model turns that produced it
/// (<see cref="ModelTurn.Index"/> from <paramref name="FirstModelTurn"/>, <paramref name="ModelTurnCount"/> of them).</summary>
/// <param name="Source"><see cref="History"/> (the input history ended with this user message), <see cref="Scripted"/> (input.turns)
/// or <see cref="Simulated"/> (the simulated user wrote it).</param>
/// <param name="Index">0-based user turn number.</param>
/// <param name="User">What the user said.</param>
/// <param name="Output">What the agent replied.</param>
/// <param name="FirstModelTurn">The first model turn of the reply.</param>
/// <param name="ModelTurnCount">How many model turns the reply took.</param>
public sealed record ConversationTurn(int Index, string User, string Output, int FirstModelTurn, int ModelTurnCount, string Source = ConversationTurn.Scripted)
{
    /// <summary>The user message ended the case's input history.</summary>
    public const string History = "history";
    /// <summary>The user message came from the case's scripted turns (<c>input.turns</c>).</summary>
    public const string Scripted = "scripted";
    /// <summary>The simulated user wrote the message.</summary>
    public const string Simulated = "simulated";
}
