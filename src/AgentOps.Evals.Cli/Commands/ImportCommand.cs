using System.CommandLine;
using System.Globalization;
using System.Text;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Importing;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>import promptfoo CONFIG</c>: promptfoo tests and providers → golden cases and candidates.</summary>
internal static class ImportCommand
{
    private static readonly Argument<string> Source = new("CONFIG") { Description = "The promptfooconfig.yaml to import" };
    private static readonly Option<string> Suite = new("--suite") { Description = "Golden-set folder (suite) for the new cases", DefaultValueFactory = _ => "promptfoo" };
    private static readonly Option<string?> WriteConfig = new("--write-config") { Description = "Write a complete config with the imported candidates to this file (default: print the YAML to add to yours)" };

    public static Command Create()
    {
        var promptfoo = new Command("promptfoo", """
            Import a promptfooconfig.yaml: each test (vars + assert, defaultTest merged, file:// tests in YAML/JSON/CSV) becomes a
            golden case under GOLDEN-SET/SUITE/, each openai provider a candidate; evaluateOptions.repeat becomes run.k.
            Every assertion that does not map exactly is listed (case, type, why) on stderr: nothing is dropped silently.

            Examples:
              agentops-evals import promptfoo promptfooconfig.yaml                 # cases into golden-set/promptfoo/, prints candidates YAML
              agentops-evals import promptfoo promptfooconfig.yaml --write-config eval.promptfoo.yaml --golden-set golden-set
            """) { Source, Suite, WriteConfig };
        promptfoo.SetAction((parse, ct) => CliErrors.Guard(() => Execute(parse)));
        return new Command("import", "Import test suites from other eval tools (promptfoo).") { promptfoo };
    }

    private static Task<int> Execute(ParseResult parse)
    {
        var ws = GlobalOptions.Open(parse);
        var suite = parse.GetValue(Suite)!;
        var imported = PromptfooImporter.Import(parse.GetValue(Source)!, suite);
        var notes = imported.Notes.ToList();

        var folder = Path.Combine(ws.GoldenSetRoot, suite);
        Directory.CreateDirectory(folder);
        var written = 0;
        foreach (var goldenCase in imported.Cases)
        {
            // Keep only assertions this build can evaluate; the rest are reported like any other unmapped assertion.
            var kept = new List<AssertionSpec>();
            foreach (var spec in goldenCase.Expect)
            {
                if (!ws.Evaluators.TryGet(spec.Type, out var evaluator)) notes.Add(new(goldenCase.Id, spec.Type, "no such evaluator in this build: not imported"));
                else if (evaluator.Validate(spec).ToList() is { Count: > 0 } problems) notes.Add(new(goldenCase.Id, spec.Type, "not imported: " + string.Join("; ", problems.Select(p => p.Message))));
                else kept.Add(spec);
            }
            var final = goldenCase with { Expect = kept, Status = kept.Count == 0 ? CaseStatus.NeedsLabel : goldenCase.Status };
            var schema = File.Exists(Path.Combine(ws.GoldenSetRoot, "case.schema.json")) ? "../case.schema.json" : null;
            File.WriteAllText(Path.Combine(folder, final.Id + ".yaml"), GoldenCaseWriter.ToYaml(final, schema));
            written++;
        }

        var target = parse.GetValue(WriteConfig);
        var configDir = target is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(target))!;
        foreach (var (path, text) in imported.PromptFiles)
        {
            var full = Path.Combine(configDir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        var yaml = CandidatesYaml(imported, target is null ? null : Path.GetRelativePath(configDir, ws.GoldenSetRoot).Replace('\\', '/'));
        if (target is null) Console.WriteLine("# Add to eval.config.yaml:\n" + yaml);
        else File.WriteAllText(target, yaml);

        foreach (var note in notes) Console.Error.WriteLine("not mapped exactly: " + note);
        Console.Error.WriteLine($"imported {written} cases into {folder}, {imported.Candidates.Count} candidate(s){(target is null ? "" : " into " + target)}; {notes.Count} note(s) above");
        return Task.FromResult(ExitCodes.Ok);
    }

    private static string CandidatesYaml(PromptfooImport imported, string? goldenSet)
    {
        var yaml = new StringBuilder();
        if (goldenSet is not null) yaml.Append("golden-set: ").AppendLine(goldenSet);
        yaml.AppendLine("providers:");
        foreach (var c in imported.Candidates.DistinctBy(c => c.ProviderName))
            yaml.Append(CultureInfo.InvariantCulture, $"  {c.ProviderName}: {{type: openai, endpoint: \"{c.Endpoint}\"{(c.ApiKeyEnv is null ? "" : $", api-key-env: {c.ApiKeyEnv}")}}}").AppendLine();
        yaml.AppendLine("candidates:");
        foreach (var c in imported.Candidates)
            yaml.Append(CultureInfo.InvariantCulture, $"  {c.Name}: {{model: \"{c.Model}\", provider: {c.ProviderName}{(c.PromptFile is null ? "" : $", prompt: {c.PromptFile}")}}}").AppendLine();
        if (goldenSet is not null && imported.Candidates.Count > 0) yaml.Append("baseline: ").AppendLine(imported.Candidates[0].Name);
        if (imported.K is not null || imported.Concurrency is not null)
            yaml.Append("run: {").Append(string.Join(", ", new[] { imported.K is { } k ? $"k: {k}" : null, imported.Concurrency is { } n ? $"concurrency: {n}" : null }.OfType<string>())).AppendLine("}");
        return yaml.ToString();
    }
}
