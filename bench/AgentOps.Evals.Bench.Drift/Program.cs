// bench/drift: scores drift's intent clustering and flagging rule on two labelled traffic sets. DEV is the set the
// thresholds were tuned on (the tests' scenario: golden inputs rephrased, plus "pause my subscription" half in German).
// HELD-OUT was written after tuning and never tuned on: other phrasings of the covered topics, other new intents
// (gift wrap in English, invoices in French, loyalty-point transfers in Spanish) and a 3% intent that must NOT be flagged.
using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Bench.Drift;
using AgentOps.Evals.Harvesting.Drift;
using AgentOps.Evals.Tests.Drift;

var root = args.Length > 0 ? args[0] : FindRoot();
var cases = GoldenSetLoader.Load(Path.Combine(root, "golden-set"), EvaluatorRegistry.CreateDefault(), new RunOptions()).CasesOrThrow();
var week = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
var rows = new List<Dictionary<string, object>>();
foreach (var (name, heldOut, traffic, major) in new[] { Sets.Dev(cases, week), Sets.HeldOut(week), Sets.HeldOutCoveredOnly(week) })
{
    var dir = Path.Combine(Path.GetTempPath(), "agentops-bench-drift-" + Guid.NewGuid().ToString("N"));
    var (traces, feedback) = DriftTraffic.Write(dir, traffic);
    var report = await new DriftJob().RunAsync(new DriftRequest
    {
        Traces = [traces], Feedback = [feedback], Cases = cases, Since = week, Until = week.AddDays(7), EphemeralKey = true,
    }, CancellationToken.None);
    Directory.Delete(dir, recursive: true);
    var flaggedIds = report.Clusters.Where(c => c.Flagged).Select(c => c.Id).ToHashSet();
    var labelled = traffic.Select((q, i) => (q.Intent, Cluster: report.TraceClusters[DriftTraffic.TraceId(i)])).ToList();
    var positives = labelled.Count(l => major.Contains(l.Intent));
    var flagged = labelled.Where(l => flaggedIds.Contains(l.Cluster)).ToList();
    var truePositives = flagged.Count(l => major.Contains(l.Intent));
    var intents = labelled.GroupBy(l => l.Intent).ToDictionary(g => g.Key, g => (double)g.Count(l => flaggedIds.Contains(l.Cluster)) / g.Count());
    var purity = (double)labelled.GroupBy(l => l.Cluster).Sum(g => g.GroupBy(l => l.Intent).Max(x => x.Count())) / labelled.Count;
    rows.Add(new()
    {
        ["set"] = name, ["held_out"] = heldOut, ["queries"] = labelled.Count, ["clusters"] = report.Clusters.Count(c => c.Queries > 0),
        ["flagged_clusters"] = flaggedIds.Count, ["exit"] = report.Drifted ? 1 : 0,
        ["precision"] = flagged.Count == 0 ? (positives == 0 ? 1.0 : 0.0) : Math.Round((double)truePositives / flagged.Count, 3),
        ["recall"] = positives == 0 ? 1.0 : Math.Round((double)truePositives / positives, 3),
        ["intents_found"] = $"{major.Count(m => intents.GetValueOrDefault(m) >= 0.5)}/{major.Count}",
        ["covered_intents_flagged"] = intents.Count(i => !major.Contains(i.Key) && i.Value >= 0.2),
        ["purity"] = Math.Round(purity, 3),
        ["no_case_share"] = Math.Round(report.NoCaseShare, 3),
    });
}
Console.WriteLine("| set | held out | queries | clusters | flagged | exit | flagged precision | flagged recall | new intents found | covered intents flagged | purity | no-case share |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
foreach (var r in rows)
    Console.WriteLine(string.Join(" | ", new[] { "", r["set"], (bool)r["held_out"] ? "yes" : "no (tuned on)", r["queries"], r["clusters"], r["flagged_clusters"], r["exit"], r["precision"], r["recall"], r["intents_found"], r["covered_intents_flagged"], r["purity"], r["no_case_share"], "" }.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture))).Trim());
var output = Path.Combine(root, "bench", "drift", "results.json");
File.WriteAllText(output, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }) + "\n");
Console.WriteLine($"written {output}");

static string FindRoot()
{
    var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentOps.Evals.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
}
