using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Shadowing;

namespace AgentOps.Evals.Application;

/// <summary>Reads a shadow set: a folder of anonymized sampled inputs written by the sampler (case YAML, production answer in evidence).</summary>
internal static class ShadowSet
{
    public static IReadOnlyList<ShadowInput> Load(EvalWorkspace ws, string folder)
    {
        if (!Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Any())
            throw new InputException(folder, "shadow.set", "no shadow set here; sample one from production traces with: agentops-evals shadow --traces 'traces/*.json' --sample 20");
        var result = Cases.GoldenSetLoader.Load(folder, ws.Evaluators, ws.Config.Run);
        if (result.Problems.Count > 0) throw new InputException(result.Problems);
        return result.Cases.OrderBy(c => c.Id, StringComparer.Ordinal).Select(ShadowEvidence.Read).ToList();
    }
}
