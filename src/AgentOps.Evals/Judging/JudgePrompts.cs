using System.Collections.Frozen;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Judging;

/// <summary>The judge's instructions per assertion type: the files shipped in the library, or a team's own from
/// <c>judge.prompts</c> in eval.config.yaml. The data framing is not in these files, so an override cannot weaken it.</summary>
internal sealed class JudgePrompts
{
    /// <summary>The types with a shipped prompt, plus <c>repair</c> (the retry after an unreadable reply).</summary>
    public static readonly IReadOnlyList<string> Types = ["llm-rubric", "equivalence", "groundedness", "tool-use-judgement", "pairwise", "repair"];

    private readonly FrozenDictionary<string, string> _byType;

    private JudgePrompts(IDictionary<string, string> byType) => _byType = byType.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The shipped prompts.</summary>
    public static JudgePrompts Default { get; } = new(Types.ToDictionary(t => t, ReadEmbedded));

    /// <summary>The shipped prompts with the config's overrides; a missing file or unknown type is bad input naming the field.</summary>
    public static JudgePrompts From(EvalConfig config)
    {
        if (config.Judge?.Prompts is not { Count: > 0 } overrides) return Default;
        var configFile = config.SourceFile;
        var byType = Types.ToDictionary(t => t, t => Default.For(t));
        var problems = new List<Problem>();
        foreach (var (type, path) in overrides)
        {
            if (!byType.ContainsKey(type))
            {
                problems.Add(new Problem(new SourceLocation(configFile), $"judge.prompts.{type}", $"no judge prompt named '{type}'; expected one of: {string.Join(", ", Types)}"));
                continue;
            }
            var full = config.Resolve(path);
            if (!File.Exists(full))
            {
                problems.Add(new Problem(new SourceLocation(configFile), $"judge.prompts.{type}", $"prompt file '{path}' not found (looked at {full})"));
                continue;
            }
            byType[type] = File.ReadAllText(full);
        }
        if (problems.Count > 0) throw new InputException(problems);
        return new JudgePrompts(byType);
    }

    /// <summary>Prompts from text, by type; types not given keep the shipped prompt (for tests and code-configured judges).</summary>
    public static JudgePrompts With(IReadOnlyDictionary<string, string> texts)
    {
        var byType = Types.ToDictionary(t => t, t => Default.For(t));
        foreach (var (type, text) in texts) byType[type] = text;
        return new JudgePrompts(byType);
    }

    public string For(string type) =>
        _byType.TryGetValue(type, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(type), type, "no judge prompt for this type");

    private static string ReadEmbedded(string type)
    {
        using var stream = typeof(JudgePrompts).Assembly.GetManifestResourceStream($"AgentOps.Evals.Judging.Prompts.{type}.md")
            ?? throw new InvalidOperationException($"judge prompt resource '{type}.md' is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
