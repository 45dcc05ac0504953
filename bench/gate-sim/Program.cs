using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Gating;
using AgentOps.Evals.GateSim;

// The gate simulation: PASS / FAIL / INCONCLUSIVE rates per cell, without and with extra trials.
// Usage: dotnet run -c Release --project bench/gate-sim -- [--seeds 200] [--out bench/gate-sim/results.json] [--family tuned|held]
var seeds = 200;
var history = 0;
var output = "bench/gate-sim/results.json";
MixtureFamily[] families = [MixtureFamily.Tuned, MixtureFamily.Held];
var scenarios = Enum.GetValues<Scenario>();
int[] sizes = [50, 100, 200];
int[] ks = [3, 5];
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--seeds") seeds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--out") output = args[i + 1];
    // Earlier runs of the baseline's identity in the store, pooled into the baseline side (gate.baseline-history).
    if (args[i] == "--history") history = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--family") families = [Enum.Parse<MixtureFamily>(args[i + 1], ignoreCase: true)];
    // Cell filters for a quick look at a few cells (comma-separated): --scenario Equal,Drop10 --n 50 --k 3.
    if (args[i] == "--scenario") scenarios = args[i + 1].Split(',').Select(s => Enum.Parse<Scenario>(s, ignoreCase: true)).ToArray();
    if (args[i] == "--n") sizes = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
    if (args[i] == "--k") ks = args[i + 1].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
if (args.Contains("--explain"))
{
    // Why cells decide as they do: the findings on the whole set of the seeds that missed the cell's expected outcome.
    foreach (var family in families)
    foreach (var scenario in scenarios)
    foreach (var n in sizes)
    foreach (var k in ks)
    for (var s = 0; s < seeds; s++)
    {
        var (_, v, calls) = GateSimulation.Run(family, scenario, n, k, s, history);
        var expected = scenario is Scenario.Equal or Scenario.ManySlices ? GateOutcome.Pass : GateOutcome.Fail;
        if (v.Outcome == expected) continue;
        Console.WriteLine($"{family} {scenario} {n}x{k} seed {s}: {v.Outcome} extra {v.ExtraTrials}/{calls} alpha {v.Alpha}");
        foreach (var f in v.Findings.Where(f => f.Severity != FindingSeverity.Info || f.Slice == "all")) Console.WriteLine($"   {f.Severity} {f.Slice} {f.Rule}: {f.Message}");
        foreach (var c in v.Cases.Where(c => c.Severity == "P0"))
            Console.WriteLine($"   P0 {c.Id}: {c.BaselinePasses}/{c.BaselineTrials} → {c.CandidatePasses}/{c.CandidateTrials}");
    }
    return;
}
var rows = new List<Row>();
Console.WriteLine($"gate simulation: margin 0.05, slices on, {seeds} seeds per cell, {history} earlier baseline run(s) pooled; rates as PASS/FAIL/INCONCLUSIVE out of 20 (base = no extra trials; seq = with extra trials)");
Console.WriteLine("| family | scenario | N | k | base P/F/I (per 20) | seq P/F/I (per 20) | extra trials / base calls |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var family in families)
foreach (var scenario in scenarios)
foreach (var n in sizes)
foreach (var k in ks)
{
    var results = new (GateOutcome Base, GateOutcome Seq, double ExtraShare)[seeds];
    Parallel.For(0, seeds, s =>
    {
        var (single, sequential, calls) = GateSimulation.Run(family, scenario, n, k, s, history);
        results[s] = (single.Outcome, sequential.Outcome, (double)sequential.ExtraTrials / calls);
    });
    var row = new Row(family.ToString().ToLowerInvariant(), scenario.ToString(), n, k, seeds, history,
        Rate(results, r => r.Base == GateOutcome.Pass), Rate(results, r => r.Base == GateOutcome.Fail), Rate(results, r => r.Base == GateOutcome.Inconclusive),
        Rate(results, r => r.Seq == GateOutcome.Pass), Rate(results, r => r.Seq == GateOutcome.Fail), Rate(results, r => r.Seq == GateOutcome.Inconclusive),
        results.Average(r => r.ExtraShare));
    rows.Add(row);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {row.Family} | {row.Scenario} | {n} | {k} | {Twenty(row.BasePass)}/{Twenty(row.BaseFail)}/{Twenty(row.BaseInconclusive)} | {Twenty(row.SeqPass)}/{Twenty(row.SeqFail)}/{Twenty(row.SeqInconclusive)} | {row.ExtraTrialsPerBaseCall:0.00}× |"));
}
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
var temp = output + ".tmp";
File.WriteAllText(temp, JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
File.Move(temp, output, overwrite: true);
Console.WriteLine($"wrote {output}");

static double Rate((GateOutcome Base, GateOutcome Seq, double ExtraShare)[] results, Func<(GateOutcome Base, GateOutcome Seq, double ExtraShare), bool> pick) =>
    (double)results.Count(pick) / results.Length;

static string Twenty(double rate) => (rate * 20).ToString("0.#", CultureInfo.InvariantCulture);

/// <summary>One cell of the table.</summary>
internal sealed record Row(string Family, string Scenario, int Cases, int K, int Seeds, int BaselineHistoryRuns,
    double BasePass, double BaseFail, double BaseInconclusive, double SeqPass, double SeqFail, double SeqInconclusive, double ExtraTrialsPerBaseCall);
