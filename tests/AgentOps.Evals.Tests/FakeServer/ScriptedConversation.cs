using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.FakeServer;

/// <summary>Plays a case against a chat client the way a tool loop does: mocked tools answer with the case's returns.</summary>
internal static partial class ScriptedConversation
{
    public static string RenderPrompt(string template, JsonObject? vars) =>
        PlaceholderRegex().Replace(template, m => vars?[m.Groups[1].Value] is { } v ? v.ToString() : m.Value);

    public static async Task<Outcome> PlayAsync(IChatClient client, CaseFile goldenCase, string promptVersion)
    {
        var input = goldenCase.Input;
        var system = RenderPrompt(File.ReadAllText(RepoPaths.Prompt(promptVersion)), input["vars"]?.AsObject());
        var messages = new List<ChatMessage> { new(ChatRole.System, system) };
        foreach (var m in input["messages"]!.AsArray())
            messages.Add(new ChatMessage(new ChatRole((string)m!["role"]!), (string?)m["content"]));

        var tools = (input["tools"]?.AsArray() ?? []).Select(t => t!.AsObject()).ToList();
        var options = new ChatOptions
        {
            Tools = [.. tools.Select(t => (AITool)AIFunctionFactory.CreateDeclaration(
                (string)t["name"]!,
                (string?)t["description"] ?? "",
                JsonSerializer.SerializeToElement(t["parameters"] ?? new JsonObject { ["type"] = "object" })))],
        };

        // A structured-output case asks for its schema as the target does; the script answers it in JSON only then.
        if (input["response-format"] is JsonObject format && (string?)format["type"] == "json_schema")
            options.ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonSerializer.SerializeToElement(format["schema"]), (string?)format["name"]);

        var calls = new List<(string Name, JsonObject Args)>();
        long outputTokens = 0;
        for (var iteration = 0; iteration < 8; iteration++)
        {
            var response = await client.GetResponseAsync(messages, options);
            outputTokens += response.Usage?.OutputTokenCount ?? 0;
            messages.AddRange(response.Messages);
            var requested = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            if (requested.Count == 0)
                return new Outcome(response.Text, calls, response.FinishReason?.Value, outputTokens);
            foreach (var call in requested)
            {
                var args = JsonSerializer.SerializeToNode(call.Arguments)?.AsObject() ?? [];
                calls.Add((call.Name, args));
                var tool = tools.FirstOrDefault(t => (string?)t["name"] == call.Name);
                object? result = tool switch
                {
                    null => $"Error: unknown tool {call.Name}",
                    _ when tool["error"] is { } error => "Error: " + (string?)error,
                    _ => JsonSerializer.SerializeToElement(tool["returns"]),
                };
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
            }
        }
        throw new InvalidOperationException($"{goldenCase.Id}: the tool loop did not finish in 8 iterations");
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")]
    private static partial Regex PlaceholderRegex();

    /// <summary>What the agent did: its final text, the tool calls in order, the finish reason and the output tokens.</summary>
    public sealed record Outcome(string Text, IReadOnlyList<(string Name, JsonObject Args)> Calls, string? FinishReason, long OutputTokens);
}
