using AgentOps.Evals.Cases;
using YamlDotNet.RepresentationModel;

namespace AgentOps.Evals.Config;

/// <summary>Reads the <c>shadow:</c> section of eval.config.yaml, reporting each bad field at its line.</summary>
internal static class ShadowOptionsReader
{
    private static readonly string[] Fields =
        ["set", "sample", "k", "slices", "max-cost-ratio", "max-p95-latency-ratio", "max-divergence", "min-judge-win-rate", "max-judge-loss-rate", "rubric", "min-rubric-score-delta", "alpha"];

    public static ShadowOptions Read(YamlNode? node, YamlFieldReader reader)
    {
        var shadow = new ShadowOptions();
        if (YamlFieldReader.IsNull(node) || reader.Mapping(node, "shadow", "a mapping {set, sample, k, slices, max-cost-ratio, …}") is not { } map) return shadow;
        var f = reader.Fields(map, "shadow", Fields);

        double? Rule(string name, double? fallback, double max = double.MaxValue, bool exclusive = true)
        {
            if (!f.TryGetValue(name, out var value)) return fallback;
            if (YamlFieldReader.IsNull(value)) return null;
            return reader.Number(value, "shadow." + name, 0, max, minExclusive: exclusive) ?? fallback;
        }
        return shadow with
        {
            Set = reader.Text(f.GetValueOrDefault("set"), "shadow.set", "a folder path") ?? shadow.Set,
            Sample = (int?)reader.Integer(f.GetValueOrDefault("sample"), "shadow.sample", 1, 100_000) ?? shadow.Sample,
            K = (int?)reader.Integer(f.GetValueOrDefault("k"), "shadow.k", 2, 100) ?? shadow.K,
            Slices = f.TryGetValue("slices", out var slices) ? reader.TextList(slices, "shadow.slices", "session attribute names (tier, locale)") : shadow.Slices,
            MaxCostRatio = Rule("max-cost-ratio", shadow.MaxCostRatio),
            MaxP95LatencyRatio = Rule("max-p95-latency-ratio", shadow.MaxP95LatencyRatio),
            MaxDivergence = Rule("max-divergence", shadow.MaxDivergence, 1, exclusive: false),
            MinJudgeWinRate = Rule("min-judge-win-rate", shadow.MinJudgeWinRate, 1, exclusive: false),
            MaxJudgeLossRate = Rule("max-judge-loss-rate", shadow.MaxJudgeLossRate, 1, exclusive: false),
            Rubric = reader.Text(f.GetValueOrDefault("rubric"), "shadow.rubric", "what a good answer does, in words (the judge scores each answer against it, 1-5)") ?? shadow.Rubric,
            MinRubricScoreDelta = f.TryGetValue("min-rubric-score-delta", out var delta) && !YamlFieldReader.IsNull(delta)
                ? reader.Number(delta, "shadow.min-rubric-score-delta", -4, 4) : shadow.MinRubricScoreDelta,
            Alpha = reader.Number(f.GetValueOrDefault("alpha"), "shadow.alpha", 0, 0.5, minExclusive: true) ?? shadow.Alpha,
        };
    }
}
