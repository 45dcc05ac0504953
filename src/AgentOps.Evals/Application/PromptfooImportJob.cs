using AgentOps.Evals.Cases;
using AgentOps.Evals.Importing;

namespace AgentOps.Evals.Application;

/// <summary><c>import promptfoo</c>: writes the imported cases into GOLDEN-SET/SUITE/ (keeping only assertions this build can
/// evaluate), the prompt files beside the config, and the config YAML when a file is named.</summary>
internal static class PromptfooImportJob
{
    public static ImportResult Import(EvalWorkspace ws, string source, string suite, string? configFile)
    {
        var imported = PromptfooImporter.Import(source, suite);
        var notes = imported.Notes.ToList();
        var folder = Path.Combine(ws.GoldenSetRoot, suite);
        Directory.CreateDirectory(folder);
        var schema = File.Exists(Path.Combine(ws.GoldenSetRoot, "case.schema.json")) ? "../case.schema.json" : null;
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
            File.WriteAllText(Path.Combine(folder, final.Id + ".yaml"), GoldenCaseWriter.ToYaml(final, schema));
        }

        var configDir = configFile is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(configFile))!;
        foreach (var (path, text) in imported.PromptFiles)
        {
            var full = Path.Combine(configDir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        var yaml = CandidatesYaml.Write(imported, configFile is null ? null : Path.GetRelativePath(configDir, ws.GoldenSetRoot).Replace('\\', '/'));
        if (configFile is not null) File.WriteAllText(configFile, yaml);
        return new ImportResult(folder, imported.Cases.Count, imported.Candidates.Count, yaml, configFile, notes);
    }
}
