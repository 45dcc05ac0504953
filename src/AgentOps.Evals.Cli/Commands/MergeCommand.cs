using System.CommandLine;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>merge</c>: joins shard runs of one candidate into one run the gate can read.</summary>
internal static class MergeCommand
{
    private static readonly Argument<string[]> Runs = new("RUN") { Description = "Shard runs to join", Arity = ArgumentArity.OneOrMore };

    public static Command Create()
    {
        var command = new Command("merge", """
            Join shard runs (run --shard i/n) into one run; prints the new run id.

            Example:
              agentops-evals merge run-…-prod-0a1b run-…-prod-2c3d --store all-shards.db
            """) { Runs };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var merge = await GlobalOptions.Open(parse).MergeAsync(parse.GetValue(Runs)!, cancellationToken);
        Console.WriteLine(merge.Merged.RunId);
        Console.Error.WriteLine($"merged {merge.RunsMerged} runs: {merge.Merged.Cases.Count} cases, {merge.Trials} trials{(merge.Completed ? "" : " (a shard was interrupted)")}");
        return ExitCodes.Ok;
    }
}
