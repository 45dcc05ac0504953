using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.TestSupport;

/// <summary>Builds trial contexts for decorator tests, and reads a stream to its end.</summary>
internal static class Trials
{
    public static TrialContext Context(string caseId = "orders-001", int trial = 0, string candidate = "prod") =>
        new(TestCases.Make(caseId), trial, new CandidateIdentity(candidate, "gpt-4.1-mini", "abcd1234", "openai", "0.1.0"));

    public static async Task<List<ChatResponseUpdate>> ReadAllAsync(IAsyncEnumerable<ChatResponseUpdate> stream)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in stream) updates.Add(update);
        return updates;
    }
}
