using System.Text.Json;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Tests.Providers.Native;

/// <summary><c>type: ollama</c> against a local fake of Ollama's <c>/api/chat</c>.</summary>
public sealed class OllamaProviderTests : NativeProviderContract
{
    protected override string Type => "ollama";
    protected override string Model => "llama3.2";
    private protected override WireReply Text(string text, int input, int output) => WireReplies.OllamaText(text, input, output);
    private protected override WireReply ToolCall(string tool, object arguments) => WireReplies.OllamaToolCall(tool, arguments);
    private protected override WireReply Stream(string[] parts, int input, int output) => WireReplies.OllamaStream(parts, input, output);
    protected override ProviderConfig Provider(Uri fake) => new("live", "ollama", fake.ToString(), KeyVariable);

    private protected override void AssertWireRequest(WireRequest request, JsonElement body, bool withTools)
    {
        Assert.Equal("/api/chat", request.PathAndQuery);
        Assert.Equal("Bearer " + Key, request.Headers["Authorization"]);
        Assert.Equal(Model, body.GetProperty("model").GetString());
        Assert.Equal("system", body.GetProperty("messages")[0].GetProperty("role").GetString());
        var options = body.GetProperty("options");
        Assert.Equal(0.25, options.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(300, options.GetProperty("num_predict").GetInt32());
        Assert.Equal(0.9, options.GetProperty("top_p").GetDouble(), 3);
        Assert.Equal("END", options.GetProperty("stop")[0].GetString());
        if (withTools)
            Assert.Equal("get_order_status", body.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
    }
}
