using AgentOps.Evals.Harvesting;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Harvesting;

/// <summary>
/// Issue 13: the committed small planted harvest (bench/harvest/planted/small: 40 sessions, seed 2718, from
/// make_planted.py, whose names and templates are held out from the detectors' tuning set) harvests with no planted
/// original left in any case file, title or triage file, and every benign order id kept.
/// </summary>
public sealed class PlantedHarvestLeakTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("agentops-planted").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Fact]
    public async Task No_planted_value_leaks_and_every_order_id_is_kept()
    {
        var corpus = Path.Combine(RepoPaths.Root, "bench", "harvest", "planted", "small");
        var summary = await new HarvestJob().RunAsync(new HarvestRequest
        {
            Traces = [Path.Combine(corpus, "traces.jsonl")],
            Feedback = [Path.Combine(corpus, "feedback.jsonl")],
            Out = output,
            Key = Enumerable.Range(3, 32).Select(i => (byte)i).ToArray(),
            MappingStore = Path.Combine(output, "mapping.db"),
            Limit = 1000,
        }, CancellationToken.None);

        var orders = File.ReadAllLines(Path.Combine(corpus, "orders.txt"));
        // Every session is thumbs-downed: all must become cases, or the leak count would cover less than it claims.
        Assert.Equal(orders.Length, summary.CasesWritten.Count);
        var fields = HarvestOutputLeaks.Fields(output);
        var planted = File.ReadAllLines(Path.Combine(corpus, "planted.tsv")).Select(l => l.Split('\t')).ToList();
        Assert.True(planted.Count > 60, $"only {planted.Count} planted values");
        var leaks = planted.Select(p => (p, hit: HarvestOutputLeaks.Leaked(p[1], p[3], fields))).Where(x => x.hit is not null)
            .Select(x => $"{x.p[0]} {x.p[1]} in {x.p[2]}: {x.p[3]} (found {x.hit})").ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {planted.Count} leaked:\n" + string.Join("\n", leaks));
        Assert.All(orders, order => Assert.Contains(fields, f => f.Contains(order, StringComparison.Ordinal)));
    }
}
