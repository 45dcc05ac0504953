using System.CommandLine;

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
        var import = GlobalOptions.Open(parse).ImportPromptfoo(parse.GetValue(Source)!, parse.GetValue(Suite)!, parse.GetValue(WriteConfig));
        if (import.ConfigFile is null) Console.WriteLine("# Add to eval.config.yaml:\n" + import.CandidatesYaml);
        foreach (var note in import.Notes) Console.Error.WriteLine("not mapped exactly: " + note);
        Console.Error.WriteLine($"imported {import.CasesWritten} cases into {import.Folder}, {import.Candidates} candidate(s){(import.ConfigFile is null ? "" : " into " + import.ConfigFile)}; {import.Notes.Count} note(s) above");
        return Task.FromResult(ExitCodes.Ok);
    }
}
