using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace AgentOps.Evals.Tests.FakeServer;

/// <summary>The Microsoft.Extensions.AI client the product uses, pointed at the fake server.</summary>
internal static class ChatClients
{
    public static IChatClient For(AgentOps.Evals.FakeModelServer.FakeModelServer server, string model, int maxRetries = 0) =>
        new OpenAI.Chat.ChatClient(model, new ApiKeyCredential("x"), new OpenAIClientOptions
        {
            Endpoint = server.BaseUrl,
            RetryPolicy = new ClientRetryPolicy(maxRetries),
        }).AsIChatClient();
}
