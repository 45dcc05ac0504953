using AgentOps.Evals.Evaluation.Meai;
using AgentOps.Evals.Reporting;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Tests.Storage;

/// <summary>An assertion's MEAI metric (store version 4): kept in full by the store, in the run's JSON and in the HTML report.</summary>
public sealed class AssertionMetricStorageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-metrics").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static readonly EvaluatorMetric Relevance = new("Relevance", "numeric")
    {
        NumericValue = 4,
        Rating = "Good",
        Failed = false,
        RatingReason = "4 of 5",
        Reason = "answers the question asked",
        Diagnostics = [new EvaluatorMetricDiagnostic("Warning", "the context was truncated")],
        Metadata = new SortedDictionary<string, string> { ["eval-model"] = "gpt-4.1", ["eval-input-tokens"] = "812" },
    };

    private static RunInfo Run() => new()
    {
        RunId = "run-m",
        Candidate = new CandidateIdentity("prod", "gpt-4.1-mini", "abcd1234", "replay", "0.1.0"),
        K = 1,
        GoldenSetRevision = "rev",
        StartedAt = DateTimeOffset.UnixEpoch,
        Cases = [new RunCase("orders-001", "orders", "P1", ["orders"], "golden-set/orders/orders-001.yaml", 1)],
    };

    private static TrialResult Trial() => new()
    {
        RunId = "run-m",
        CaseId = "orders-001",
        TrialIndex = 0,
        Outcome = TrialOutcome.Failed,
        Output = "It ships tomorrow.",
        Assertions =
        [
            new AssertionResult("evaluator", true, "Relevance 4 within min 4: answers the question asked", 4) { Metric = Relevance },
            new AssertionResult("contains", false, "expected to contain 'A-1001'") { Metric = new EvaluatorMetric("contains", "boolean") { BooleanValue = false, Rating = "Unacceptable", Failed = true } },
            new AssertionResult("max-latency-ms", true, "written before metrics were kept"),
        ],
        FinishedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task Every_field_of_a_metric_round_trips_through_the_store_and_summaries_leave_metrics_out()
    {
        var path = Path.Combine(_dir, "results.db");
        await using (var store = await SqliteResultStore.OpenAsync(path))
        {
            await store.CreateRunAsync(Run());
            await store.AppendTrialsAsync([Trial()]);
        }
        await using var reopened = await SqliteResultStore.OpenAsync(path);
        var assertions = Assert.Single(await reopened.GetTrialsAsync("run-m")).Assertions;

        // Equal field by field, diagnostics and metadata included.
        Assert.Equal(Relevance, assertions[0].Metric);
        Assert.Equal("the context was truncated", Assert.Single(assertions[0].Metric!.Diagnostics).Message);
        Assert.Equal("gpt-4.1", assertions[0].Metric!.Metadata["eval-model"]);
        Assert.False(assertions[1].Metric!.BooleanValue);
        Assert.Null(assertions[2].Metric);

        var summary = Assert.Single(await reopened.GetTrialSummariesAsync("run-m"));
        Assert.All(summary.Assertions, a => Assert.Null(a.Metric));
    }

    [Fact]
    public async Task A_version_2_store_gains_the_metric_column_and_its_old_rows_read_without_metrics()
    {
        var path = Path.Combine(_dir, "old.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Concat(StoreSchema.Migrations.Where(m => m.Version <= 2).Select(m => m.Sql)) + $$"""
                PRAGMA user_version = 2; PRAGMA application_id = {{StoreSchema.ApplicationId}};
                INSERT INTO trials VALUES ('run-old', 'c', 0, 'Passed', 'ok', '{"turns":[],"toolCalls":[]}', 1, 1, 0, 0, 5, NULL, NULL, NULL, '2026-07-01T12:00:00.0000000+00:00');
                INSERT INTO assertions VALUES ('run-old', 'c', 0, 0, 'contains', 1, 'found', NULL, 0);
                """;
            command.ExecuteNonQuery();
        }

        await using var store = await SqliteResultStore.OpenAsync(path);
        var old = Assert.Single(Assert.Single(await store.GetTrialsAsync("run-old")).Assertions);
        Assert.Equal(("contains", true, "found"), (old.Type, old.Passed, old.Reason));
        Assert.Null(old.Metric);
        await store.CreateRunAsync(Run());
        await store.AppendTrialsAsync([Trial()]);
        Assert.Equal(4.0, Assert.Single(await store.GetTrialsAsync("run-m")).Assertions[0].Metric!.NumericValue);
    }

    [Fact]
    public void The_run_json_carries_each_metric_and_the_html_shows_a_registered_evaluators_metric_only()
    {
        using var json = new MemoryStream();
        RunJsonReport.Write(Run(), [Trial()], json);
        var text = System.Text.Encoding.UTF8.GetString(json.ToArray());
        Assert.Contains("\"numericValue\": 4", text);
        Assert.Contains("\"the context was truncated\"", text);
        Assert.Contains("\"eval-model\": \"gpt-4.1\"", text);

        using var writer = new StringWriter();
        AgentOps.Evals.Reporting.Html.HtmlReport.Write(writer, Run(), [Trial()], []);
        var html = writer.ToString();
        Assert.Contains("metric <code>Relevance</code> = 4 · rated Good · warning: the context was truncated · eval-input-tokens=812, eval-model=gpt-4.1", html);
        // A built-in assertion's own metric repeats its verdict and reason: not shown twice.
        Assert.DoesNotContain("metric <code>contains</code>", html);
    }
}
