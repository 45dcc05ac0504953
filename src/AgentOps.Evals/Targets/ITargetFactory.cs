namespace AgentOps.Evals.Targets;

/// <summary>Builds a team's in-process target for a candidate. Named in config (<c>targets: {name: {assembly, type}}</c>, the
/// type public with a parameterless constructor) or registered in code (<see cref="TargetRegistry.Register(string, ITargetFactory)"/>).</summary>
public interface ITargetFactory
{
    /// <summary>Creates the target once per candidate run; <paramref name="context"/> carries the model pipeline to build on.</summary>
    ITarget Create(TargetContext context);
}
