using System.Text.Json;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Drift;

/// <summary>drift and health as a nightly job meets them: the real CLI process, its exit codes (0, 1, 2) and what it prints.</summary>
public sealed class DriftHealthCliTests : IDisposable
{
    private static readonly DateTimeOffset LastWeek = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ThisWeek = LastWeek.AddDays(7);
    private static readonly Dictionary<string, string?> NoKey = new() { ["AGENTOPS_HMAC_KEY"] = null };
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-drift-cli").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Store => Path.Combine(_dir, "results.db");

    /// <summary>Each active case's opening message, with greetings, in both weeks; plus <paramref name="newIntent"/> queries this week.</summary>
    private (string Traces, string Feedback) Traffic(int newIntent)
    {
        var cases = GoldenSetLoader.Load(Path.Combine(RepoPaths.Root, "golden-set"), EvaluatorRegistry.CreateDefault(), new RunOptions()).CasesOrThrow();
        var random = new Random(7);
        string[] greetings = ["", "Hi ", "Hello "];
        var queries = new List<TrafficQuery>();
        foreach (var week in new[] { LastWeek, ThisWeek })
            foreach (var c in cases.Where(c => c.Status == CaseStatus.Active))
                for (var i = 0; i < 6; i++)
                    queries.Add(new TrafficQuery(c.Id, greetings[random.Next(3)] + DriftJob.GoldenText(c), week.AddMinutes(random.Next(7 * 24 * 60))));
        string[] pause = ["Can I pause my subscription for a few weeks?", "Kann ich mein Abo für ein paar Wochen pausieren?", "Please put my subscription on hold while I travel."];
        for (var i = 0; i < newIntent; i++)
            queries.Add(new TrafficQuery("pause", pause[i % 3], ThisWeek.AddMinutes(random.Next(7 * 24 * 60)), Tool: null));
        return DriftTraffic.Write(Path.Combine(_dir, "traffic-" + newIntent), queries);
    }

    private Task<CliProcess.Result> Drift((string Traces, string Feedback) traffic, params string[] more) =>
        CliProcess.RunInAsync(RepoPaths.Root, NoKey, ["drift", "--traces", traffic.Traces, "--feedback", traffic.Feedback, "--store", Store,
            "--since", "2026-11-23", "--until", "2026-11-30", "--no-sample", .. more]);

    [Fact]
    public async Task Drift_exits_0_when_traffic_matches_the_golden_set_and_1_when_a_new_intent_takes_a_third()
    {
        var matched = await Drift(Traffic(0), "--json");
        Assert.True(matched.ExitCode == 0, matched.All);
        Assert.False(JsonDocument.Parse(matched.Stdout).RootElement.GetProperty("drifted").GetBoolean());

        var drifted = await Drift(Traffic(130));
        Assert.True(drifted.ExitCode == 1, drifted.All);
        Assert.Contains("pause", drifted.Stdout);
        Assert.Equal(2, DriftHistory.Recent(Store).Count);
    }

    [Fact]
    public async Task Drift_exits_2_on_bad_input_naming_what_was_expected_without_a_stack_trace()
    {
        var backwards = await CliProcess.RunInAsync(RepoPaths.Root, NoKey, "drift", "--store", Store, "--no-sample", "--since", "2026-11-30", "--until", "2026-11-23");
        Assert.Equal(2, backwards.ExitCode);
        Assert.Contains("expected a time after --since", backwards.All);
        Assert.DoesNotContain("   at ", backwards.All);

        var noTraces = await CliProcess.RunInAsync(RepoPaths.Root, NoKey, "drift", "--store", Store, "--no-sample", "--traces", Path.Combine(_dir, "none-*.json"));
        Assert.Equal(2, noTraces.ExitCode);
        Assert.Contains("no trace files match", noTraces.All);

        // Sampling needs the key (the samples are anonymized with it) unless the run is ephemeral.
        var noKey = await CliProcess.RunInAsync(RepoPaths.Root, NoKey, "drift", "--store", Store, "--out", Path.Combine(_dir, "out"));
        Assert.Equal(2, noKey.ExitCode);
        Assert.Contains("AGENTOPS_HMAC_KEY", noKey.All);
    }

    [Fact]
    public async Task Drift_and_health_run_offline_on_the_sample_data()
    {
        var drift = await CliProcess.RunInAsync(RepoPaths.Root, NoKey, "drift", "--store", Store, "--no-sample", "--json");
        // The sample's late-order and paid-never-arrived queries have no case (README says so): exit 1, drift found.
        Assert.True(drift.ExitCode == 1, drift.All);
        var report = JsonDocument.Parse(drift.Stdout).RootElement;
        Assert.True(report.GetProperty("drifted").GetBoolean());
        Assert.True(report.GetProperty("queries").GetInt32() > 0);

        var health = await CliProcess.RunInAsync(RepoPaths.Root, NoKey, "health", "--store", Store, "--json");
        Assert.True(health.ExitCode == 0, health.All);
        var figures = JsonDocument.Parse(health.Stdout).RootElement;
        Assert.Equal(report.GetProperty("noCaseShare").GetDouble(), figures.GetProperty("noCaseTrafficShare").GetDouble(), 6);

        var text = await CliProcess.RunInAsync(RepoPaths.Root, NoKey, "health", "--store", Store);
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Eval program health", text.Stdout);
    }

    [Fact]
    public async Task Health_exits_2_when_the_incidents_file_is_missing_and_reads_harvest_runs_from_the_store()
    {
        var config = Path.Combine(_dir, "eval.config.yaml");
        File.WriteAllText(config, $"""
            golden-set: {Path.Combine(RepoPaths.Root, "golden-set")}
            harvest:
              feedback: {Path.Combine(RepoPaths.Root, "fixtures", "feedback", "*.jsonl")}
              traces: {Path.Combine(RepoPaths.Root, "fixtures", "traces", "*.json")}
              out: {Path.Combine(_dir, "harvested")}
            health:
              incidents-file: {Path.Combine(_dir, "incidents.txt")}
            """);
        var missing = await CliProcess.RunInAsync(_dir, NoKey, "health", "--config", config, "--store", Store);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("incidents.txt", missing.All);
        Assert.Contains("expected one incident id per line", missing.All);

        File.WriteAllText(Path.Combine(_dir, "incidents.txt"), "INC-1 # a note\n");
        var harvest = await CliProcess.RunInAsync(_dir, NoKey, "harvest", "--config", config, "--store", Store, "--ephemeral-key");
        Assert.True(harvest.ExitCode == 0, harvest.All);
        var health = await CliProcess.RunInAsync(_dir, NoKey, "health", "--config", config, "--store", Store, "--json");
        Assert.True(health.ExitCode == 0, health.All);
        var week = Assert.Single(JsonDocument.Parse(health.Stdout).RootElement.GetProperty("harvestWeeks").EnumerateArray());
        Assert.Equal(1, week.GetProperty("runs").GetInt32());
        Assert.Equal(Directory.GetFiles(Path.Combine(_dir, "harvested"), "*.yaml").Length, week.GetProperty("casesWritten").GetInt32());
        Assert.Equal(["INC-1"], JsonDocument.Parse(health.Stdout).RootElement.GetProperty("incidentsWithoutCases").EnumerateArray().Select(e => e.GetString()));
    }
}
