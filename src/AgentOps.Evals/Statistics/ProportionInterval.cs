namespace AgentOps.Evals.Statistics;

/// <summary>A proportion with its confidence interval: <paramref name="Successes"/> of <paramref name="Trials"/>.</summary>
public sealed record ProportionInterval(int Successes, int Trials, double Estimate, double Lower, double Upper);
