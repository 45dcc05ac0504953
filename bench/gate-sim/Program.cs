using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Gating;
using AgentOps.Evals.GateSim;

// The gate simulation: PASS / FAIL / INCONCLUSIVE rates per cell, without and with extra trials.
// Usage: dotnet run -c Release --project bench/gate-sim -- [--seeds 200] [--out bench/gate-sim/results.json] [--family tuned|held]
var seeds = 200;
var output = "bench/gate-sim/results.json";
MixtureFamily[] families = [MixtureFamily.Tuned, MixtureFamily.Held];
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--seeds") seeds = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    if (args[i] == "--out") output = args[i + 1];
    if (args[i] == "--family") families = [Enum.Parse<MixtureFamily>(args[i + 1], ignoreCase: true)];
}
if (args.Contains("--explain"))
{
    // Why cells decide as they do: the blocking findings of a few seeds (equal candidate, 50 cases, k=3).
    for (var s = 0; s < 4; s++)
    {
        var (single, sequential, calls) = GateSimulation.Run(MixtureFamily.Tuned, Scenario.Equal, 50, 3, s);
        foreach (var (label, v) in new[] { ("base", single), ("seq", sequential) })
        {
            Console.WriteLine($"seed {s} {label}: {v.Outcome} extra {v.ExtraTrials}/{calls} alpha {v.Alpha}");
            foreach (var f in v.Findings.Where(f => f.Slice == "all")) Console.WriteLine($"   {f.Severity} {f.Rule}: {f.Message}");
        }
    }
    return;
}
int[] sizes = [50, 100, 200];
int[] ks = [3, 5];
var rows = new List<Row>();
Console.WriteLine($"gate simulation: margin 0.05, slices on, {seeds} seeds per cell; rates as PASS/FAIL/INCONCLUSIVE out of 20 (base = no extra trials; seq = with extra trials)");
Console.WriteLine("| family | scenario | N | k | base P/F/I (per 20) | seq P/F/I (per 20) | extra trials / base calls |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var family in families)
foreach (var scenario in Enum.GetValues<Scenario>())
foreach (var n in sizes)
foreach (var k in ks)
{
    var results = new (GateOutcome Base, GateOutcome Seq, double ExtraShare)[seeds];
    Parallel.For(0, seeds, s =>
    {
        var (single, sequential, calls) = GateSimulation.Run(family, scenario, n, k, s);
        results[s] = (single.Outcome, sequential.Outcome, (double)sequential.ExtraTrials / calls);
    });
    var row = new Row(family.ToString().ToLowerInvariant(), scenario.ToString(), n, k, seeds,
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
internal sealed record Row(string Family, string Scenario, int Cases, int K, int Seeds,
    double BasePass, double BaseFail, double BaseInconclusive, double SeqPass, double SeqFail, double SeqInconclusive, double ExtraTrialsPerBaseCall);
