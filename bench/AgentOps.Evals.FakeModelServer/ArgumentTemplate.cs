using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>A tool call's arguments as written in a rule: JSON whose strings may hold placeholders.</summary>
internal abstract record ArgumentTemplate
{
    public abstract JsonNode? Render(ReplyScope scope);

    public string RenderJson(ReplyScope scope) => Render(scope)?.ToJsonString() ?? "{}";

    public sealed record Object(IReadOnlyList<KeyValuePair<string, ArgumentTemplate>> Properties) : ArgumentTemplate
    {
        public override JsonNode Render(ReplyScope scope)
        {
            var obj = new JsonObject();
            foreach (var (key, value) in Properties) obj[key] = value.Render(scope);
            return obj;
        }
    }

    public sealed record Array(IReadOnlyList<ArgumentTemplate> Items) : ArgumentTemplate
    {
        public override JsonNode Render(ReplyScope scope) => new JsonArray([.. Items.Select(i => i.Render(scope))]);
    }

    public sealed record Text(ReplyTemplate Template) : ArgumentTemplate
    {
        public override JsonNode Render(ReplyScope scope) => JsonValue.Create(Template.Render(scope));
    }

    /// <summary>A number, boolean or null written plainly in YAML.</summary>
    public sealed record Literal(JsonElement Value) : ArgumentTemplate
    {
        public override JsonNode? Render(ReplyScope scope) => JsonSerializer.SerializeToNode(Value);
    }
}
