using AgentOps.Evals.Config;

namespace AgentOps.Evals.Gating;

/// <summary>One rule of the config's <c>gate:</c> section, judged on one slice at a time.</summary>
internal interface IGateRule
{
    /// <summary>The config key, e.g. <c>max-pass-rate-drop</c>.</summary>
    string Name { get; }

    /// <summary>Findings for this slice; nothing when the rule is off or holds.</summary>
    IEnumerable<GateFinding> Judge(SliceView slice, GateOptions options);
}
