using AgentOps.Evals.Cases;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>Plays a case's <see cref="SimulatedUser"/>: asks a model, through the candidate's pipeline (so its calls are recorded,
/// replayed and rate limited like the agent's), for the user's next message given the conversation so far.</summary>
internal sealed class SimulatedUserPlayer(IChatClient client, SimulatedUser user, string model)
{
    /// <summary>The marker line the fake model server's rules (and a reader of a cassette) recognise a simulated user by.</summary>
    public const string Marker = "You are role-playing the USER of a customer-support chat";

    /// <summary>The user's next message, or null when the user says its stop text (the goal is met or abandoned).</summary>
    public async Task<string?> NextAsync(IReadOnlyList<ChatMessage> conversation, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, Instructions()) };
        // Roles flip: the agent's replies are what this model reads, the user's earlier messages are what it said.
        foreach (var message in conversation)
        {
            if (message.Role == ChatRole.User) messages.Add(new ChatMessage(ChatRole.Assistant, message.Text));
            else if (message.Role == ChatRole.Assistant && message.Text.Length > 0) messages.Add(new ChatMessage(ChatRole.User, message.Text));
        }
        var response = await client.GetResponseAsync(messages, new ChatOptions { ModelId = model }, cancellationToken).ConfigureAwait(false);
        var text = response.Text.Trim();
        return text.Length == 0 || text.Contains(user.StopWhen, StringComparison.OrdinalIgnoreCase) ? null : text;
    }

    private string Instructions() =>
        $"""
        {Marker}.
        Persona: {user.Persona}
        Goal: {user.Goal}
        Write only the user's next message, short and in character. When the goal is met, or cannot be met, reply with exactly {user.StopWhen}.
        """;
}
