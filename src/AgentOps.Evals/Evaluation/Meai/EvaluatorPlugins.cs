using System.Reflection;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Evaluation.Meai;

/// <summary>Creates the MEAI evaluators a config names under <c>evaluators:</c> and registers them, so <c>validate</c>,
/// <c>run</c> and <c>gate</c> accept <c>{type: evaluator, name: …}</c> for them. Bad entries are input errors at the config line.</summary>
public static class EvaluatorPlugins
{
    /// <summary>The built-in assertions plus every evaluator the config names; throws <see cref="InputException"/> listing every entry that cannot be created.</summary>
    public static EvaluatorRegistry CreateRegistry(EvalConfig config)
    {
        var registry = EvaluatorRegistry.CreateDefault();
        var problems = new List<Problem>();
        foreach (var plugin in config.Evaluators.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (Create(plugin, out var why) is { } evaluator) registry.RegisterEvaluator(plugin.Name, evaluator, plugin.NeedsJudge);
            else problems.Add(new Problem(plugin.Location, $"evaluators.{plugin.Name}", why));
        }
        if (problems.Count > 0) throw new InputException(problems);
        return registry;
    }

    private static Microsoft.Extensions.AI.Evaluation.IEvaluator? Create(EvaluatorPluginConfig plugin, out string why)
    {
        why = "";
        if (!File.Exists(plugin.Assembly))
        {
            why = $"assembly not found: {plugin.Assembly}; expected the path of a .dll, relative to the config";
            return null;
        }
        try
        {
            var type = Assembly.LoadFrom(plugin.Assembly).GetType(plugin.Type, throwOnError: false);
            if (type is null)
                why = $"found no type '{plugin.Type}' in {Path.GetFileName(plugin.Assembly)}; expected a full type name (namespace included)";
            else if (!typeof(Microsoft.Extensions.AI.Evaluation.IEvaluator).IsAssignableFrom(type))
                why = $"'{plugin.Type}' does not implement Microsoft.Extensions.AI.Evaluation.IEvaluator";
            else if (type.GetConstructor(Type.EmptyTypes) is null)
                why = $"'{plugin.Type}' has no public parameterless constructor; register it from code instead (EvaluatorRegistry.RegisterEvaluator)";
            else
                return (Microsoft.Extensions.AI.Evaluation.IEvaluator)Activator.CreateInstance(type)!;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or TargetInvocationException or TypeLoadException)
        {
            why = $"could not create '{plugin.Type}' from {Path.GetFileName(plugin.Assembly)}: {e.GetBaseException().Message}";
        }
        return null;
    }
}
