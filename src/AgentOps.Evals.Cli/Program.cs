using System.CommandLine;
using AgentOps.Evals.Cli;
using AgentOps.Evals.Cli.Commands;

// Redirected output (CI logs, files) gets wide tables instead of Spectre's 80-column fallback.
if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 160;

var root = new RootCommand("""
    agentops-evals: replay golden cases against candidate prompts and models, gate releases on the result,
    and turn production thumbs-down into new cases.

    Example:
      agentops-evals run            # the baseline candidate on recorded responses (no key, no network)
    """);
GlobalOptions.AddTo(root);
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(MergeCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(GateCommand.Create());
root.Subcommands.Add(HarvestCommand.Create());
root.Subcommands.Add(ShadowCommand.Create());
root.Subcommands.Add(ScanCommand.Create());
root.Subcommands.Add(CalibrateCommand.Create());
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(DriftCommand.Create());
root.Subcommands.Add(HealthCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine("error: " + error.Message);
    Console.Error.WriteLine("See --help.");
    return ExitCodes.BadInput;
}
return await parse.InvokeAsync();
