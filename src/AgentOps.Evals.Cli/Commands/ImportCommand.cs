using System.CommandLine;

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
        var import = GlobalOptions.Open(parse).ImportPromptfoo(parse.GetValue(Source)!, parse.GetValue(Suite)!, parse.GetValue(WriteConfig), parse.GetValue(Force));
        if (import.ConfigFile is null) Console.WriteLine("# Add to eval.config.yaml:\n" + import.CandidatesYaml);
        foreach (var note in import.Notes) Console.Error.WriteLine("not mapped exactly: " + note);
        Console.Error.WriteLine($"imported {import.CasesWritten} cases into {import.Folder}, {import.Candidates} candidate(s){(import.StubCandidates > 0 ? $" ({import.StubCandidates} stub(s) to point at a real endpoint)" : "")}{(import.ConfigFile is null ? "" : " into " + import.ConfigFile)}; "
            + $"{import.AssertionsMapped} of {import.AssertionsWritten} assertions mapped; {import.Notes.Count} note(s) above");
        return Task.FromResult(ExitCodes.Ok);
    }
}
