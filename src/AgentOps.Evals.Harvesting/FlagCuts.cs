namespace AgentOps.Evals.Harvesting;

/// <summary>A batch's outlier cuts: sessions above them get the cost or iteration outlier flag.</summary>
internal readonly record struct FlagCuts(double Cost, double ModelCalls);
