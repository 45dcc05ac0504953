using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Cli.Commands;

/// <summary><c>merge</c>: joins shard runs of one candidate into one run the gate can read.</summary>
internal static class MergeCommand
{
    private static readonly Argument<string[]> Runs = new("RUN") { Description = "Shard runs to join (default with --from-store: every run in those stores)", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string[]> FromStores = new("--from-store") { Description = "A shard's store file to read runs from (repeat, or list several); the merged run goes to --store", AllowMultipleArgumentsPerToken = true };

    public static Command Create()
    {
        var command = new Command("merge", """
            Join shard runs (run --shard i/n) into one run in --store; prints the new run id.
            Shards must not overlap: two runs with the same case and trial are refused.

            Examples:
              agentops-evals merge --from-store shard-1/shard.db shard-2/shard.db --store results.db   # one store per CI job
              agentops-evals merge run-…-prod-0a1b run-…-prod-2c3d                                        # shards in one store
            """) { Runs, FromStores };
        command.SetAction((parse, ct) => CliErrors.Guard(() => ExecuteAsync(parse, ct)));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var ws = Workspace.Open(parse);
        var ids = parse.GetValue(Runs) ?? [];
        var fromPaths = parse.GetValue(FromStores) ?? [];
        var opened = new List<SqliteResultStore>();
        try
        {
            // Shard stores are only read: they may be downloaded artifacts on a read-only disk.
            foreach (var path in fromPaths) opened.Add(await SqliteResultStore.OpenReadOnlyAsync(path, cancellationToken));
            await using var store = await ws.OpenStoreAsync(cancellationToken);
            var shards = new List<ShardSource>();
            if (ids.Length == 0)
            {
                foreach (var source in opened)
                    foreach (var run in (await source.ListRunsAsync(null, cancellationToken)).OrderBy(r => r.StartedAt))
                        shards.Add(new ShardSource(run, source, source.Path));
            }
            foreach (var id in ids)
                shards.Add(await FindAsync(id, opened, store, cancellationToken)
                    ?? throw new InputException(fromPaths.Length == 0 ? ws.StorePath : string.Join(", ", [.. fromPaths, ws.StorePath]), "RUN", $"no run '{id}' in the store{(fromPaths.Length == 0 ? "" : "s")}"));

            var result = await ShardMerge.MergeAsync(shards, store, ws.StorePath, cases => MergedRevision(ws, shards.Select(s => s.Run).ToList(), cases), cancellationToken);
            Console.WriteLine(result.Run.RunId);
            Console.Error.WriteLine($"merged {shards.Count} runs: {result.Run.Cases.Count} cases, {result.Trials} trials into {ws.StorePath}{(result.Run.Status == RunStatus.Completed ? "" : " (a shard was interrupted)")}");
            return ExitCodes.Ok;
        }
        finally
        {
            foreach (var source in opened) await source.DisposeAsync();
        }
    }

    private static async Task<ShardSource?> FindAsync(string id, IEnumerable<SqliteResultStore> sources, SqliteResultStore store, CancellationToken cancellationToken)
    {
        foreach (var source in sources.Append(store))
            if (await source.GetRunAsync(id, cancellationToken) is { } run) return new ShardSource(run, source, source.Path);
        return null;
    }

    /// <summary>When every shard saw the case files as they are here, the merged run gets the revision of all its cases,
    /// as one unsharded run would (so <c>last-green:</c> and the gate find it); otherwise a fingerprint of the shards'
    /// revisions, which matches no current selection.</summary>
    private static string MergedRevision(Workspace ws, IReadOnlyList<RunInfo> runs, IReadOnlyList<RunCase> cases)
    {
        var revisions = runs.Select(r => r.GoldenSetRevision).Distinct().Order().ToList();
        var fallback = revisions.Count == 1 ? revisions[0] : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", revisions))).AsSpan(0, 6));
        IReadOnlyList<GoldenCase> current;
        try
        {
            current = ws.LoadCases();
        }
        catch (InputException)
        {
            return fallback; // no readable golden set here (merging on another machine): keep the shards' fingerprint
        }
        var byId = current.ToDictionary(c => c.Id, StringComparer.Ordinal);
        if (!cases.All(c => byId.ContainsKey(c.Id))) return fallback;
        foreach (var run in runs)
            if (GoldenSetRevision.Compute(run.Cases.Select(c => byId[c.Id])) != run.GoldenSetRevision) return fallback;
        return GoldenSetRevision.Compute(cases.Select(c => byId[c.Id]));
    }
}
