using System.CommandLine;
using AgentOps.Evals.Application;

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
        var s = EvalWorkspace.Validate(GlobalOptions.Paths(parse));
        Console.WriteLine($"OK: {s.Cases} cases ({s.ActiveCases} active) in {s.Suites} suites; {s.Candidates} candidates, {s.Providers} providers.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
