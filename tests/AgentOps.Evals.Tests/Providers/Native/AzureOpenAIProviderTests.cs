using System.Text.Json;
using AgentOps.Evals.Config;
using AgentOps.Evals.Providers.Native;

namespace AgentOps.Evals.Tests.Providers.Native;

/// <summary><c>type: azure-openai</c> against a local fake of an Azure OpenAI deployment.</summary>
public sealed class AzureOpenAIProviderTests : NativeProviderContract
{
    protected override string Type => "azure-openai";
    protected override string Model => "gpt-4o";
    private protected override WireReply Text(string text, int input, int output) => WireReplies.AzureText(text, input, output);
    private protected override WireReply ToolCall(string tool, object arguments) => WireReplies.AzureToolCall(tool, arguments);
    private protected override WireReply Stream(string[] parts, int input, int output) => WireReplies.AzureStream(parts, input, output);
    protected override ProviderConfig Provider(Uri fake) =>
        new("live", "azure-openai", fake.ToString(), KeyVariable) { Deployment = "support-gpt4o", ApiVersion = "2025-04-01-preview" };

    private protected override void AssertWireRequest(WireRequest request, JsonElement body, bool withTools)
    {
        Assert.Equal("/openai/deployments/support-gpt4o/chat/completions?api-version=2025-04-01-preview", request.PathAndQuery);
        Assert.Equal(Key, request.Headers["api-key"]);
        Assert.False(request.Headers.ContainsKey("Authorization"), "Azure key auth sends api-key, not an OpenAI bearer token");
        Assert.Equal(0.25, body.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal("END", body.GetProperty("stop")[0].GetString());
        Assert.Equal(0.9, body.GetProperty("top_p").GetDouble(), 3);
        if (withTools)
            Assert.Equal("get_order_status", body.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("https://r.openai.azure.com", "gpt-4o", "https://r.openai.azure.com/openai/deployments/gpt-4o/")]
    [InlineData("https://r.openai.azure.com/openai/", "gpt-4o", "https://r.openai.azure.com/openai/deployments/gpt-4o/")]
    [InlineData("https://gw.example/openai/deployments/mine", "gpt-4o", "https://gw.example/openai/deployments/mine/")]
    public void The_deployment_url_is_built_from_the_resource_and_the_deployment(string resource, string deployment, string expected) =>
        Assert.Equal(expected, AzureOpenAIProvider.DeploymentUri(new Uri(resource), deployment).ToString());
}
