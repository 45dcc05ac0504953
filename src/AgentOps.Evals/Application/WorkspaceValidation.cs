using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;

namespace AgentOps.Evals.Application;

/// <summary><c>validate</c>: loads the config and every case and collects every problem (config, cases, prompt files) before it stops.</summary>
internal static class WorkspaceValidation
{
    public static ValidationSummary Validate(WorkspacePaths paths)
    {
        var problems = new List<Problem>();
        EvalWorkspace? ws = null;
        try { ws = EvalWorkspace.Open(paths); }
        catch (InputException e) { problems.AddRange(e.Problems); }

        var config = ws?.Config ?? ConfigLoader.Default(Directory.GetCurrentDirectory());
        var root = ws?.GoldenSetRoot ?? Path.GetFullPath(paths.GoldenSet ?? "golden-set");
        IReadOnlyList<GoldenCase> cases = [];
        if (!Directory.Exists(root))
            problems.Add(new Problem(new SourceLocation(root), "--golden-set", "folder not found; expected a folder of case YAML files"));
        else
        {
            var result = GoldenSetLoader.Load(root, ws?.Evaluators ?? EvaluatorRegistry.CreateDefault(), config.Run);
            problems.AddRange(result.Problems);
            cases = result.Cases;
        }
        foreach (var (name, candidate) in config.Candidates)
            if (candidate.Prompt is { } prompt && !File.Exists(config.Resolve(prompt)))
                problems.Add(new Problem(new SourceLocation(config.SourceFile), $"candidates.{name}.prompt", $"prompt file '{prompt}' not found"));

        if (problems.Count > 0) throw new InputException(problems);
        return new ValidationSummary(cases.Count, cases.Count(c => c.Status == CaseStatus.Active), cases.Select(c => c.Suite).Distinct().Count(),
            config.Candidates.Count, config.Providers.Count);
    }
}
