using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Config;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Reporting;
using AgentOps.Evals.Reporting.Html;
using AgentOps.Evals.Running;
using AgentOps.Evals.Statistics;
using AgentOps.Evals.Tests.Gating;

namespace AgentOps.Evals.Tests.Reporting;

/// <summary>Issue 11 item 4: the run table, the gate JSON and the HTML report print the same p95 for the same trials.</summary>
public sealed class OnePercentileTests
{
    [Fact]
    public void Run_table_gate_json_and_html_agree_on_p95()
    {
        // 23 trials with distinct latencies: interpolating definitions (R-7, R-8) land between two of them.
        var cases = Enumerable.Range(0, 23).Select(i => new FakeCase($"c{i:00}", 1.0)).ToList();
        var (baseRun, baseTrials) = NoisyRuns.Generate("base", "prod", cases, 1, new Random(1));
        var (candRun, candTrials) = NoisyRuns.Generate("cand", "next", cases, 1, new Random(2));
        candTrials = candTrials.Select((t, i) => t with { LatencyMs = 100 + 37 * i + (i % 3) }).ToList();
        var verdict = GateEvaluator.Evaluate(new GateInput(baseRun, baseTrials, candRun, candTrials, new GateOptions()));

        var expected = Percentile.NearestRank(candTrials.Select(t => t.LatencyMs), 0.95)!.Value;
        var interpolated = MathNet.Numerics.Statistics.Statistics.QuantileCustom(candTrials.Select(t => t.LatencyMs), 0.95, MathNet.Numerics.Statistics.QuantileDefinition.R7);
        Assert.NotEqual(expected, interpolated);

        var table = SuiteSummary.Summarize(candRun, candTrials).Single(r => r.Suite == "all").P95LatencyMs;
        var json = new StringWriter();
        new JsonGateReportWriter().Write(verdict, json);
        var fromJson = JsonDocument.Parse(json.ToString()).RootElement.GetProperty("latency").GetProperty("candidateP95Ms").GetDouble();
        var html = new StringWriter();
        HtmlReport.Write(html, verdict, baseRun, baseTrials, candRun, candTrials, []);

        Assert.Equal(expected, table);
        Assert.Equal(expected, fromJson);
        Assert.Contains($"next: p50 {Percentile.NearestRank(candTrials.Select(t => t.LatencyMs), 0.5)!.Value.ToString("0", CultureInfo.InvariantCulture)} ms, p95 {expected.ToString("0", CultureInfo.InvariantCulture)} ms", html.ToString(), StringComparison.Ordinal);
    }
}
