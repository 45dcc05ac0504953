using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Providers;

/// <summary>What one trial's model calls need, passed explicitly (never ambient): the case, trial index and candidate,
/// the cassette its calls are keyed into, the meters its calls charge, and the clock they are timed with.</summary>
/// <remarks>It travels to the decorators in <see cref="ChatOptions.AdditionalProperties"/> under one typed key, put there by
/// <see cref="TrialBoundChatClient"/> and read only through <see cref="From"/>; <see cref="ProviderBoundaryChatClient"/>
/// removes it before a provider serialises the options.</remarks>
public sealed record TrialContext(GoldenCase Case, int TrialIndex, CandidateIdentity Candidate)
{
    /// <summary>The key of the context in <see cref="ChatOptions.AdditionalProperties"/>. Not a provider option.</summary>
    internal const string OptionsKey = "agentops.trial";

    /// <summary>Which cassette the calls are recorded into and replayed from: the candidate's, or the judge's.</summary>
    public string Cassette { get; init; } = Candidate.Name;

    /// <summary>What the calls made under this context cost, and the latency they had when recorded.</summary>
    public UsageMeter Usage { get; init; } = new();

    /// <summary>What the judge spent grading this trial, kept apart from <see cref="Usage"/> (TokenUsage.JudgeCostUsd).</summary>
    public UsageMeter JudgeSpend { get; init; } = new();

    /// <summary>The clock calls are timed with; injected so tests are exact.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The same trial as seen by the judge: its calls go to the judge cassette and charge <see cref="JudgeSpend"/>.</summary>
    public TrialContext ForJudge(string judgeCassette) => this with { Cassette = judgeCassette, Usage = JudgeSpend };

    /// <summary>The cassette key of one call of this trial: model, messages, tools, options and the trial index.</summary>
    internal string CassetteKeyFor(string model, IEnumerable<ChatMessage> messages, ChatOptions? options) =>
        // The judge's verdict schema follows from its scale, whose prompt is already in the key; keying it too would orphan every recorded judge call.
        Providers.CassetteKey.Compute(model, messages, options, TrialIndex, keySchema: Cassette != ChatClientFactory.JudgeCassette);

    /// <summary>The context a call was made under, or null for a call made outside any trial.</summary>
    public static TrialContext? From(ChatOptions? options) =>
        options?.AdditionalProperties is { } properties && properties.TryGetValue(OptionsKey, out var value) ? value as TrialContext : null;

    /// <summary>A copy of <paramref name="options"/> carrying this context; the caller's options are left as they were.</summary>
    internal ChatOptions Stamp(ChatOptions? options)
    {
        var stamped = options?.Clone() ?? new ChatOptions();
        (stamped.AdditionalProperties ??= [])[OptionsKey] = this;
        return stamped;
    }
}
