using System.CommandLine;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>merge</c>: joins shard runs of one candidate (from one store, or one store per CI job) into one run the gate can read.</summary>
internal static class MergeCommand
{
    private static readonly Argument<string[]> Runs = new("RUN") { Description = "Shard runs to join (default with --from-store: every run in those stores)", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> FromStores = new("--from-store") { Description = "A shard's store file to read runs from (repeat, or list several); the merged run goes to --store", AllowMultipleArgumentsPerToken = true };

    public static Command Create()
    {
        var command = new Command("merge", """
            Join shard runs (run --shard i/n) into one run in --store; prints the new run id.
            Shards must not overlap: two runs holding the same case and trial are refused.

            Examples:
              agentops-evals merge --from-store shard-*/shard.db --store results.db   # one store per CI job
              agentops-evals merge run-…-prod-0a1b run-…-prod-2c3d --store all-shards.db
            """) { Runs, FromStores };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ws = GlobalOptions.Open(parse);
        var merge = await ws.MergeAsync(parse.GetValue(Runs) ?? [], parse.GetValue(FromStores) ?? [], cancellationToken);
        Console.WriteLine(merge.Merged.RunId);
        Console.Error.WriteLine($"merged {merge.RunsMerged} runs: {merge.Merged.Cases.Count} cases, {merge.Trials} trials into {ws.StorePath}{(merge.Completed ? "" : " (a shard was interrupted)")}");
        return ExitCodes.Ok;
    }
}
