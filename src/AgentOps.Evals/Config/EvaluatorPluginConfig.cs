using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Config;

/// <summary>An MEAI evaluator named in <c>evaluators:</c> of the config: the assembly file and the type to create
/// (public, with a parameterless constructor), usable in cases as <c>{type: evaluator, name: …}</c>.</summary>
public sealed record EvaluatorPluginConfig(string Name, string Assembly, string Type, bool NeedsJudge, SourceLocation Location);
