using System.Text.Json;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Harvesting;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Drift;

/// <summary>harvest and drift write one triage queue: harvest's nightly rewrite keeps drift's samples, drift's append keeps harvest's.</summary>
public sealed class TriageQueueTests : IDisposable
{
    private static readonly byte[] Key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3)).ToArray();
    private static readonly DateTimeOffset Week = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-triage").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Out => Path.Combine(_dir, "harvested");

    private Task<HarvestSummary> Harvest() => new HarvestJob().RunAsync(new HarvestRequest
    {
        Traces = [Path.Combine(RepoPaths.Root, "fixtures", "traces", "*.json")],
        Feedback = [Path.Combine(RepoPaths.Root, "fixtures", "feedback", "*.jsonl")],
        Out = Out, Key = Key, MappingStore = Path.Combine(_dir, "mapping.db"),
    }, CancellationToken.None);

    private async Task<DriftReport> Drift()
    {
        var cases = GoldenSetLoader.Load(Path.Combine(RepoPaths.Root, "golden-set"), EvaluatorRegistry.CreateDefault(), new RunOptions()).CasesOrThrow();
        var random = new Random(5);
        var traffic = cases.Where(c => c.Status == CaseStatus.Active).SelectMany(c => Enumerable.Range(0, 3).Select(_ => new TrafficQuery(c.Id, DriftJob.GoldenText(c), Week.AddMinutes(random.Next(10_000)))))
            .Concat(Enumerable.Range(0, 60).Select(i => new TrafficQuery("pause", $"Can I pause my coffee subscription for a few weeks? ({(char)('a' + i % 26)}{(char)('a' + i / 26)})", Week.AddMinutes(random.Next(10_000)))))
            .ToList();
        var (traces, feedback) = DriftTraffic.Write(Path.Combine(_dir, "traffic"), traffic);
        return await new DriftJob().RunAsync(new DriftRequest
        {
            Traces = [traces], Feedback = [feedback], Cases = cases, Out = Out, Key = Key, MappingStore = Path.Combine(_dir, "mapping.db"),
        }, CancellationToken.None);
    }

    private List<TriageEntry> Queue() =>
        JsonSerializer.Deserialize<List<TriageEntry>>(File.ReadAllText(Path.Combine(Out, "triage.json")), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower })!;

    [Fact]
    public async Task Harvest_then_drift_then_harvest_again_keeps_both_commands_entries_once_each()
    {
        var harvest = await Harvest();
        var harvested = Queue().Select(e => e.CaseId).ToList();
        Assert.NotEmpty(harvested);

        var drift = await Drift();
        Assert.NotEmpty(drift.CasesWritten);
        var afterDrift = Queue();
        // Drift appends: harvest's entries first and unchanged in order, then drift's samples.
        Assert.Equal(harvested, afterDrift.Take(harvested.Count).Select(e => e.CaseId));
        var sampled = afterDrift.Skip(harvested.Count).ToList();
        Assert.Equal(drift.CasesWritten.Count, sampled.Count);
        Assert.All(sampled, e => Assert.Contains("drift", e.Flags));

        // The next nightly harvest rewrites its own entries and keeps drift's (before this change it dropped them).
        var again = await Harvest();
        Assert.Empty(again.CasesWritten);
        var afterHarvest = Queue();
        Assert.Equal(afterDrift.Select(e => e.CaseId), afterHarvest.Select(e => e.CaseId));
        Assert.Equal(Enumerable.Range(1, afterHarvest.Count), afterHarvest.Select(e => e.Rank));
        Assert.Contains("drift", File.ReadAllText(Path.Combine(Out, "triage.md")));

        // Drift again: nothing new and nothing doubled. A sampled case a reviewer deleted leaves the queue at the next write.
        var driftAgain = await Drift();
        Assert.Empty(driftAgain.CasesWritten);
        Assert.Equal(afterHarvest.Count, Queue().Count);
        File.Delete(Path.Combine(Out, sampled[0].Path));
        await Harvest();
        Assert.DoesNotContain(Queue(), e => e.CaseId == sampled[0].CaseId);
        Assert.Equal(afterHarvest.Count - 1, Queue().Count);
    }
}
