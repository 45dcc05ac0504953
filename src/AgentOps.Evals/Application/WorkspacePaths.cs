namespace AgentOps.Evals.Application;

/// <summary>Where a workspace's files are: the config, the golden-set folder (null: the config's), and the results store.</summary>
/// <param name="ConfigRequired">True when the config was named by the user: then a missing file is an error, not the built-in defaults.</param>
public sealed record WorkspacePaths(string ConfigFile = "eval.config.yaml", bool ConfigRequired = false, string? GoldenSet = null, string StorePath = ".agentops/results.db");
