using System.Globalization;
using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Reporting;

/// <summary>Markdown for GITHUB_STEP_SUMMARY and PR comments: verdict first, identities, findings, regressions with links, slices, cost and latency.</summary>
/// <param name="fileLinkBase">Prefix for case-file links (e.g. <c>https://github.com/org/repo/blob/SHA/</c>); relative links without it.</param>
public sealed class MarkdownGateReportWriter(string? fileLinkBase = null) : IGateReportWriter
{
    /// <inheritdoc />
    public string Format => "markdown";

    /// <inheritdoc />
    public void Write(GateVerdict verdict, TextWriter output)
    {
        var icon = verdict.Outcome switch { GateOutcome.Pass => "✅", GateOutcome.Fail => "❌", _ => "⚠️" };
        var b = verdict.Baseline;
        var c = verdict.Candidate;
        var all = verdict.Slices.FirstOrDefault(s => s.Name == GateEvaluator.Overall);

        output.Write($"## {icon} Gate {verdict.Outcome.ToString().ToUpperInvariant()}: `{c.Candidate.Name}` vs baseline `{b.Candidate.Name}`\n\n");
        if (all is not null)
        {
            output.Write($"Pass rate {Pct(all.BaselinePassRate.Estimate)} → {Pct(all.CandidatePassRate.Estimate)} on {all.Cases} paired cases " +
                         $"({Signed(-all.Drop.MeanDrop)}); {verdict.Flips.Regressions.Count} regression(s), {verdict.Flips.Improvements.Count} improvement(s), " +
                         $"McNemar p = {Num(verdict.Flips.McNemarPValue, "0.###")}. Exit code {verdict.ExitCode}.\n\n");
        }

        output.Write("| | candidate | model | prompt hash | provider | run | k | infra errors |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var (role, run) in new[] { ("baseline", b), ("candidate", c) })
        {
            output.Write($"| {role} | `{Cell(run.Candidate.Name)}` | `{Cell(run.Candidate.ModelId)}` | `{run.Candidate.PromptHash}` | {Cell(run.Candidate.Provider)} | " +
                         $"`{Cell(run.RunId)}` | {run.K} | {run.InfraErrors}/{run.Trials} ({Pct(run.InfraErrorRate)}) |\n");
        }
        output.Write('\n');
        if (verdict.ExtraTrialNote is { } note) output.Write($"Extra trials: {note}.\n\n");

        var findings = verdict.Findings.Where(f => f.Severity != FindingSeverity.Info).ToList();
        if (findings.Count > 0)
        {
            output.Write("### Findings\n\n| | rule | slice | figure | threshold | finding | decision |\n|---|---|---|---|---|---|---|\n");
            foreach (var f in findings)
            {
                var mark = f.Severity == FindingSeverity.Fail ? "❌" : "⚠️";
                output.Write($"| {mark} | `{f.Rule}` | {Cell(f.Slice)} | {Figure(f.Rule, f.Figure)} | {Figure(f.Rule, f.Threshold)} | {Cell(f.Message)} | {Cell(EvidenceText.Describe(f, withWouldDecide: false))} |\n");
            }
            output.Write('\n');
        }

        var regressions = verdict.Cases.Where(x => x.Flip == CaseFlip.Regression).ToList();
        if (regressions.Count > 0)
        {
            output.Write("### Regressions\n\n| case | severity | suite | baseline | candidate | first failed assertion |\n|---|---|---|---|---|---|\n");
            foreach (var x in regressions)
            {
                var reason = x.CandidateFailures.SelectMany(f => f.FailedAssertions).Select(a => $"{a.Type}: {a.Reason}").FirstOrDefault()
                             ?? x.CandidateFailures.Select(f => f.Error).FirstOrDefault(e => e is not null) ?? "";
                output.Write($"| [{Cell(x.Id)}]({Link(x.File)}) | {x.Severity} | {Cell(x.Suite)} | {x.BaselinePasses}/{x.BaselineTrials} | " +
                             $"{x.CandidatePasses}/{x.CandidateTrials} | {Cell(reason)} |\n");
            }
            output.Write('\n');
        }

        output.Write("### Slices\n\n| slice | cases | baseline | candidate | drop (95% lower bound) | pass^k | flaky | regressions | verdict |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var s in verdict.Slices)
        {
            var passHatK = s.CandidatePassHatK is { } v ? Pct(v) : "–";
            output.Write($"| {Cell(s.Name)} | {s.Cases} | {Pct(s.BaselinePassRate.Estimate)} | {Pct(s.CandidatePassRate.Estimate)} | " +
                         $"{Pts(s.Drop.MeanDrop)} ({Pts(s.Drop.LowerBound)}) | {passHatK} | {s.FlakyCases} | {s.Regressions} | {s.Outcome.ToString().ToLowerInvariant()} |\n");
        }
        output.Write('\n');

        var cost = verdict.Cost;
        var latency = verdict.Latency;
        output.Write("### Cost and latency\n\n| | baseline | candidate | change |\n|---|---|---|---|\n");
        output.Write($"| cost (USD) | {Usd(cost.BaselineCostUsd)} | {Usd(cost.CandidateCostUsd)} | {Ratio(cost.BaselineCostUsd, cost.CandidateCostUsd)} |\n");
        output.Write($"| cost per success (USD) | {Usd(cost.BaselineCostPerSuccessUsd)} | {Usd(cost.CandidateCostPerSuccessUsd)} | {(cost.Ratio is { } r ? Num(r, "0.00") + "×" : "–")} |\n");
        output.Write($"| p50 latency (ms) | {Ms(latency.BaselineP50Ms)} | {Ms(latency.CandidateP50Ms)} | {Delta(latency.BaselineP50Ms, latency.CandidateP50Ms)} |\n");
        output.Write($"| p95 latency (ms) | {Ms(latency.BaselineP95Ms)} | {Ms(latency.CandidateP95Ms)} | {Delta(latency.BaselineP95Ms, latency.CandidateP95Ms)} |\n");

        var notes = verdict.Findings.Where(f => f.Severity == FindingSeverity.Info).ToList();
        if (notes.Count > 0)
        {
            output.Write("\n### Notes\n\n");
            foreach (var f in notes) output.Write($"- `{f.Rule}` ({Cell(f.Slice)}): {Cell(f.Message)}{(f.Evidence is null ? "" : " — " + Cell(EvidenceText.Describe(f, withWouldDecide: false)))}\n");
        }
    }

    private string Link(string file) => (fileLinkBase ?? "") + file.Replace('\\', '/').Replace(" ", "%20", StringComparison.Ordinal);

    private static string Figure(string rule, double? value) => value switch
    {
        null => "–",
        { } v when rule is "max-cost-ratio" => Num(v, "0.00") + "×",
        { } v when rule is "max-p95-latency-ms" => Num(v, "0") + " ms",
        { } v when rule is "p0-regressions" => Num(v, "0"),
        { } v => Pct(v),
    };

    // Cells carry model text (failure reasons): HTML in it is shown, never rendered.
    private static string Cell(string text) => ModelText.ForMarkdown(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Pct(double fraction) => double.IsNaN(fraction) ? "–" : Num(fraction * 100, "0.0") + "%";

    private static string Pts(double fraction) => double.IsNaN(fraction) ? "–" : Num(fraction * 100, "+0.0;-0.0;0.0") + " pt";

    private static string Signed(double fraction) => Num(fraction * 100, "+0.0;-0.0;0.0") + " points";

    private static string Usd(decimal? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    private static string Ms(double? value) => value is { } v ? Num(v, "0") : "–";

    private static string Ratio(decimal before, decimal after) => before == 0 ? "–" : Num((double)(after / before), "0.00") + "×";

    private static string Delta(double? before, double? after) => before is { } b && after is { } a ? Num(a - b, "+0;-0;0") + " ms" : "–";

    private static string Num(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
