using System.Reflection;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Targets;

/// <summary>Creates the in-process target factories a config names under <c>targets:</c> and registers them, so the CLI's
/// <c>run</c> and <c>gate</c> and the test adapters reach a team's agent. Bad entries are input errors at the config line.</summary>
public static class TargetPlugins
{
    /// <summary>Adds every target the config names to <paramref name="registry"/> (a new one when null); throws
    /// <see cref="InputException"/> listing every entry that cannot be created.</summary>
    public static TargetRegistry AddFromConfig(EvalConfig config, TargetRegistry? registry = null)
    {
        registry ??= new TargetRegistry();
        var problems = new List<Problem>();
        foreach (var plugin in config.Targets.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (Create(plugin, out var why) is { } factory) registry.Register(plugin.Name, factory);
            else problems.Add(new Problem(plugin.Location, $"targets.{plugin.Name}", why));
        }
        if (problems.Count > 0) throw new InputException(problems);
        return registry;
    }

    /// <summary>Creates one configured target's factory, or throws <see cref="InputException"/> at its config line.</summary>
    public static ITargetFactory Load(TargetPluginConfig plugin) =>
        Create(plugin, out var why) ?? throw new InputException([new Problem(plugin.Location, $"targets.{plugin.Name}", why)]);

    private static ITargetFactory? Create(TargetPluginConfig plugin, out string why)
    {
        why = "";
        if (!File.Exists(plugin.Assembly))
        {
            why = $"assembly not found: {plugin.Assembly}; expected the path of a .dll, relative to the config (build the project first)";
            return null;
        }
        try
        {
            var type = Assembly.LoadFrom(plugin.Assembly).GetType(plugin.Type, throwOnError: false);
            if (type is null)
                why = $"found no type '{plugin.Type}' in {Path.GetFileName(plugin.Assembly)}; expected a full type name (namespace included)";
            else if (!typeof(ITargetFactory).IsAssignableFrom(type))
                why = $"'{plugin.Type}' does not implement AgentOps.Evals.Targets.ITargetFactory (derive an Agent Framework agent's factory from AgentOps.Evals.Agents.AgentTargetFactory)";
            else if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
                why = $"'{plugin.Type}' is abstract or has no public parameterless constructor; register it from code instead (TargetRegistry.Register)";
            else
                return (ITargetFactory)Activator.CreateInstance(type)!;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or TargetInvocationException or TypeLoadException or ReflectionTypeLoadException)
        {
            why = $"could not create '{plugin.Type}' from {Path.GetFileName(plugin.Assembly)}: {e.GetBaseException().Message}";
        }
        return null;
    }
}
