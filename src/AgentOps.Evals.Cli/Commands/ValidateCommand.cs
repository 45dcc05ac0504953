using System.CommandLine;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>validate</c>: loads the config and every case and prints every problem with file:line.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate", """
            Load the config and every golden case; print every problem with file:line:column. Exit 0 clean, 2 problems.

            Example:
              agentops-evals validate --golden-set golden-set
            """);
        command.SetAction((parse, ct) => CliErrors.Guard(() => Execute(parse)));
        return command;
    }

    private static Task<int> Execute(ParseResult parse)
    {
        var problems = new List<Problem>();
        Workspace? ws = null;
        try { ws = Workspace.Open(parse); }
        catch (InputException e) { problems.AddRange(e.Problems); }

        var config = ws?.Config ?? ConfigLoader.Default(Directory.GetCurrentDirectory());
        var root = ws?.GoldenSetRoot ?? Path.GetFullPath(parse.GetValue(GlobalOptions.GoldenSet) ?? "golden-set");
        IReadOnlyList<GoldenCase> cases = [];
        if (!Directory.Exists(root))
            problems.Add(new Problem(new SourceLocation(root), "--golden-set", "folder not found; expected a folder of case YAML files"));
        else
        {
            var result = GoldenSetLoader.Load(root, ws?.Evaluators ?? Evaluation.EvaluatorRegistry.CreateDefault(), config.Run);
            problems.AddRange(result.Problems);
            cases = result.Cases;
        }
        foreach (var (name, candidate) in config.Candidates)
            if (candidate.Prompt is { } prompt && !File.Exists(config.Resolve(prompt)))
                problems.Add(new Problem(new SourceLocation(config.SourceFile), $"candidates.{name}.prompt", $"prompt file '{prompt}' not found"));

        if (problems.Count > 0) throw new InputException(problems);
        var suites = cases.Select(c => c.Suite).Distinct().Count();
        var active = cases.Count(c => c.Status == CaseStatus.Active);
        Console.WriteLine($"OK: {cases.Count} cases ({active} active) in {suites} suites; {config.Candidates.Count} candidates, {config.Providers.Count} providers.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
