using System.CommandLine;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Importing;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>import promptfoo CONFIG</c>: promptfoo tests, prompts and providers → golden cases and candidates.</summary>
internal static class ImportCommand
{
    private static readonly Argument<string> Source = new("CONFIG") { Description = "The promptfooconfig.yaml to import" };
    private static readonly Option<string> Suite = new("--suite") { Description = "Golden-set folder (suite) for the new cases", DefaultValueFactory = _ => "promptfoo" };
    private static readonly Option<string?> WriteConfig = new("--write-config") { Description = "Write a complete config with the imported candidates to this file (default: print the YAML to add to yours)" };
    private static readonly Option<bool> Force = new("--force") { Description = "Overwrite case files a reviewer edited since the last import (default: skip them with a note)" };

    public static Command Create()
    {
        var promptfoo = new Command("promptfoo", """
            Import a promptfooconfig.yaml: each test (vars + assert, defaultTest merged, file:// tests in YAML/JSON/CSV, list vars
            expanded) becomes a golden case under GOLDEN-SET/SUITE/; prompts × providers become candidates (a prompt is a
            candidate's, never a copy of each case); evaluateOptions.repeat becomes run.k. Reads local files only.
            Every drop or approximation is listed (case, type, why) on stderr: nothing is dropped silently.
            A case file edited since the last import is never overwritten (skipped with a note) unless --force.

            Examples:
              agentops-evals import promptfoo promptfooconfig.yaml                 # cases into golden-set/promptfoo/, prints candidates YAML
              agentops-evals import promptfoo promptfooconfig.yaml --write-config eval.promptfoo.yaml --golden-set golden-set
            """) { Source, Suite, WriteConfig, Force };
        promptfoo.SetAction((parse, ct) => CliErrors.Guard(() => Execute(parse)));
        return new Command("import", "Import test suites from other eval tools (promptfoo).") { promptfoo };
    }

    private static Task<int> Execute(ParseResult parse)
    {
        var ws = Workspace.Open(parse);
        var suite = parse.GetValue(Suite)!;
        if (suite.Length == 0 || suite.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || suite is "." or "..")
            throw new InputException("--suite", "--suite", $"'{suite}' is not a folder name");
        var imported = PromptfooImporter.Import(parse.GetValue(Source)!, suite, ws.Evaluators);
        var notes = imported.Notes.ToList();
        var force = parse.GetValue(Force);

        var folder = Path.Combine(ws.GoldenSetRoot, suite);
        Directory.CreateDirectory(folder);
        var written = 0;
        var schema = File.Exists(Path.Combine(ws.GoldenSetRoot, "case.schema.json")) ? "../case.schema.json" : null;
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

        var target = parse.GetValue(WriteConfig);
        var configDir = target is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(target))!;
        foreach (var (path, text) in imported.PromptFiles)
        {
            var full = Path.Combine(configDir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        var yaml = PromptfooConfigWriter.ToYaml(imported, target is null ? null : Path.GetRelativePath(configDir, ws.GoldenSetRoot).Replace('\\', '/'));
        if (target is null) Console.WriteLine("# Add to eval.config.yaml:\n" + yaml);
        else File.WriteAllText(target, yaml);

        foreach (var note in notes) Console.Error.WriteLine("not mapped exactly: " + note);
        var stubs = imported.Candidates.Count(c => !c.Native);
        Console.Error.WriteLine($"imported {written} cases into {folder}, {imported.Candidates.Count} candidate(s){(stubs > 0 ? $" ({stubs} stub(s) to point at a real endpoint)" : "")}{(target is null ? "" : " into " + target)}; "
            + $"{imported.AssertionsMapped} of {imported.AssertionsWritten} assertions mapped; {notes.Count} note(s) above");
        return Task.FromResult(ExitCodes.Ok);
    }
}
