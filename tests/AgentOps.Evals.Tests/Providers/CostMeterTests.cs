using AgentOps.Evals.Config;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Providers;

public sealed class CostMeterTests
{
    [Fact]
    public async Task Cost_is_priced_per_million_tokens_and_dated_model_ids_use_their_family_price()
    {
        var inner = new ScriptedChatClient((_, _, _) =>
        {
            var response = ScriptedChatClient.Text("ok", input: 1_000_000, output: 500_000);
            response.ModelId = "gpt-4.1-mini-2025-04-14";
            return response;
        });
        var trial = Trials.Context();
        var client = new TrialBoundChatClient(new CostMeteringChatClient(inner, new Dictionary<string, ModelPrice> { ["gpt-4.1-mini"] = new(0.40m, 1.60m), ["gpt-4.1"] = new(2m, 8m) }), trial);
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
        Assert.Equal(0.40m + 0.80m, trial.Usage.CostUsd);
        Assert.Equal(0m, trial.JudgeSpend.CostUsd);
    }
}
