namespace AgentOps.Evals.Application;

/// <summary>Where a workspace's files are: the config, the golden-set folder (null: the config's), and the results store.</summary>
/// <param name="ConfigRequired">True when the config was named by the user: then a missing file is an error, not the built-in defaults.</param>
/// <param name="ConfigFile">The config file (default <c>eval.config.yaml</c>).</param>
/// <param name="GoldenSet">The golden-set folder; null: the config's <c>golden-set</c>, else <c>./golden-set</c>.</param>
/// <param name="StorePath">The results store (SQLite file).</param>
public sealed record WorkspacePaths(string ConfigFile = "eval.config.yaml", bool ConfigRequired = false, string? GoldenSet = null, string StorePath = ".agentops/results.db");
