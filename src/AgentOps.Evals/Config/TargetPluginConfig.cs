using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Config;

/// <summary>An in-process target named in <c>targets:</c> of the config: the assembly file and the type implementing
/// <c>ITargetFactory</c> (public, with a parameterless constructor), usable as a candidate's <c>target:</c>.</summary>
public sealed record TargetPluginConfig(string Name, string Assembly, string Type, SourceLocation Location);
