using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Importing;

namespace AgentOps.Evals.Application;

/// <summary><c>import promptfoo</c>: writes the imported cases into GOLDEN-SET/SUITE/ (never over a case file a reviewer edited
/// since the last import, unless forced), the prompt files beside the config, and the config YAML when a file is named.</summary>
internal static class PromptfooImportJob
{
    public static ImportResult Import(EvalWorkspace ws, string source, string suite, string? configFile, bool force)
    {
        if (suite.Length == 0 || suite.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || suite is "." or "..")
            throw new InputException("--suite", "--suite", $"'{suite}' is not a folder name");
        // Assertions this build cannot bind are dropped by the importer with a note, against this workspace's evaluators.
        var imported = PromptfooImporter.Import(source, suite, ws.Evaluators);
        var notes = imported.Notes.ToList();
        var folder = Path.Combine(ws.GoldenSetRoot, suite);
        Directory.CreateDirectory(folder);
        var schema = File.Exists(Path.Combine(ws.GoldenSetRoot, "case.schema.json")) ? "../case.schema.json" : null;
        var written = 0;
        foreach (var goldenCase in imported.Cases)
        {
            var path = Path.Combine(folder, goldenCase.Id + ".yaml");
            if (File.Exists(path) && !force && !ImportedCaseFile.IsUnedited(File.ReadAllText(path)))
            {
                notes.Add(new(goldenCase.Id, "case", $"{path} was edited since it was imported (or not written by an import): kept as is; --force overwrites it"));
                continue;
            }
            File.WriteAllText(path, ImportedCaseFile.Stamp(GoldenCaseWriter.ToYaml(goldenCase, schema)));
            written++;
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
        return new ImportResult(folder, written, imported.Candidates.Count, yaml, configFile, notes)
        {
            StubCandidates = imported.Candidates.Count(c => !c.Native),
            AssertionsWritten = imported.AssertionsWritten,
            AssertionsMapped = imported.AssertionsMapped,
        };
    }
}
