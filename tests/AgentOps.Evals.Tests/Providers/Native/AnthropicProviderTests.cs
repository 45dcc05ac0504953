using System.Text.Json;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Tests.Providers.Native;

/// <summary><c>type: anthropic</c> against a local fake of the Messages API.</summary>
public sealed class AnthropicProviderTests : NativeProviderContract
{
    protected override string Type => "anthropic";
    protected override string Model => "claude-sonnet-4-5";
    private protected override WireReply Text(string text, int input, int output) => WireReplies.AnthropicText(text, input, output);
    private protected override WireReply ToolCall(string tool, object arguments) => WireReplies.AnthropicToolUse(tool, arguments);
    private protected override WireReply Stream(string[] parts, int input, int output) => WireReplies.AnthropicStream(parts, input, output);
    protected override ProviderConfig Provider(Uri fake) => new("live", "anthropic", fake.ToString(), KeyVariable);

    private protected override void AssertWireRequest(WireRequest request, JsonElement body, bool withTools)
    {
        Assert.Equal("/v1/messages", request.PathAndQuery);
        Assert.Equal(Key, request.Headers["x-api-key"]);
        Assert.True(request.Headers.ContainsKey("anthropic-version"));
        Assert.Equal(Model, body.GetProperty("model").GetString());
        // The system prompt is Anthropic's top-level `system`, not a message.
        Assert.Contains("support agent", body.GetProperty("system").ToString());
        Assert.All(body.GetProperty("messages").EnumerateArray(), m => Assert.NotEqual("system", m.GetProperty("role").GetString()));
        Assert.Equal(0.25, body.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(300, body.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0.9, body.GetProperty("top_p").GetDouble(), 3);
        Assert.Equal("END", body.GetProperty("stop_sequences")[0].GetString());
        if (withTools)
            Assert.Equal("get_order_status", body.GetProperty("tools")[0].GetProperty("name").GetString());
    }
}
