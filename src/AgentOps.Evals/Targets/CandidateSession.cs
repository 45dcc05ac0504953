using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Targets;

/// <summary>A candidate made ready to answer: its identity, its target, and (with <c>--record</c>) the cassette being written.</summary>
public sealed class CandidateSession
{
    private readonly CassetteFile? _recording;

    private CandidateSession(CandidateIdentity identity, ITarget target, CassetteFile? recording)
    {
        Identity = identity;
        Target = target;
        _recording = recording;
    }

    /// <summary>Name, model, prompt hash, provider and harness version: what every trial of this session is stored under.</summary>
    public CandidateIdentity Identity { get; }
    /// <summary>What answers the trials: the chat target, the http target, or its replay.</summary>
    public ITarget Target { get; }

    /// <summary>Where recordings go, when recording.</summary>
    public string? RecordingPath => _recording?.Path;

    /// <summary>Opens a candidate from config. <paramref name="providerOverride"/> replaces the candidate's provider
    /// (e.g. record through a live provider, replay offline); <paramref name="customTargets"/> are a team's in-process agents by name;
    /// <paramref name="targets"/> are in-process target factories (from config <c>targets:</c> and code) built on the candidate's pipeline.</summary>
    public static CandidateSession Open(EvalConfig config, string candidateName, string? providerOverride = null, bool record = false,
        IReadOnlyDictionary<string, ITarget>? customTargets = null, TimeProvider? time = null, HttpClient? http = null, TargetRegistry? targets = null)
    {
        var configFile = config.SourceFile;
        if (!config.Candidates.TryGetValue(candidateName, out var candidate))
            throw new InputException(configFile, "--candidate",
                $"no candidate '{candidateName}'; expected one of: {string.Join(", ", config.Candidates.Keys.Order())}");
        var providerName = providerOverride ?? candidate.Provider;
        if (!config.Providers.TryGetValue(providerName, out var provider))
            throw new InputException(configFile, providerOverride is null ? $"candidates.{candidateName}.provider" : "--provider",
                $"no provider '{providerName}'; expected one of: {string.Join(", ", config.Providers.Keys.Order())}");

        PromptTemplate? prompt = null;
        if (candidate.Prompt is { } promptPath)
        {
            var full = config.Resolve(promptPath);
            if (!File.Exists(full))
                throw new InputException(configFile, $"candidates.{candidateName}.prompt", $"prompt file '{promptPath}' not found (looked at {full})");
            prompt = PromptTemplate.Load(full);
        }
        var identity = new CandidateIdentity(candidateName, candidate.Model, prompt?.Hash ?? "none", providerName, CandidateIdentity.CurrentHarnessVersion)
        {
            Settings = candidate.Settings.Describe(),
        };

        if (customTargets is not null && customTargets.TryGetValue(candidate.Target, out var custom))
            return new CandidateSession(identity, custom, null);

        if (HttpTargetFactory.IsHttp(config, candidate, provider))
        {
            HttpTargetFactory.Check(config, provider, providerOverride is null ? $"candidates.{candidateName}.provider" : "--provider");
            var httpRecording = record ? OpenRecording(config, provider, providerName, candidateName) : null;
            return new CandidateSession(identity, HttpTargetFactory.Create(config, provider, candidateName, httpRecording, time, http), httpRecording);
        }
        ITargetFactory? factory = null;
        // A target named in config is loaded only when a candidate runs on it: other candidates never need its assembly built.
        if (candidate.Target != "chat" && (targets is null || !targets.TryGet(candidate.Target, out factory)) && config.Targets.ContainsKey(candidate.Target))
            factory = TargetPlugins.Load(config.Targets[candidate.Target]);
        if (candidate.Target != "chat" && factory is null)
            throw new InputException(configFile, $"candidates.{candidateName}.target",
                $"unknown target '{candidate.Target}'; expected chat, http, or a target under targets: or registered in code ({string.Join(", ", (targets?.Names ?? []).Concat(config.Targets.Keys).Distinct().Order())})");

        var recording = record ? OpenRecording(config, provider, providerName, candidateName) : null;
        IChatClient client = ChatClientFactory.Create(config, provider, candidateName, candidate.Model, recording, time);
        if (factory is not null)
            return new CandidateSession(identity, factory.Create(new TargetContext(candidateName, candidate.Model, client, prompt, config.Run.MaxToolIterations)), recording);
        return new CandidateSession(identity, new ChatTarget(client, candidate.Model, prompt, config.Run.MaxToolIterations) { Settings = candidate.Settings }, recording);
    }

    private static CassetteFile OpenRecording(EvalConfig config, ProviderConfig provider, string providerName, string candidateName)
    {
        if (provider.Type == "replay")
            throw new InputException(config.SourceFile, "--record", $"provider '{providerName}' replays recordings; recording needs a live provider (pass --provider NAME)");
        return CassetteFile.Load(CassetteFile.PathFor(CassetteFolder(config), candidateName));
    }

    /// <summary>The folder cassettes are recorded to: the replay provider's, else fixtures/cassettes.</summary>
    public static string CassetteFolder(EvalConfig config) =>
        config.Resolve(config.Providers.Values.FirstOrDefault(p => p.Type == "replay")?.Cassettes ?? "fixtures/cassettes");

    /// <summary>Writes the cassette when recording (sorted, atomically). Safe to call when not recording.</summary>
    public int SaveRecordings()
    {
        if (_recording is null) return 0;
        _recording.Save();
        return _recording.Count;
    }
}
