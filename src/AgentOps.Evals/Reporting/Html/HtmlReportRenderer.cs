using System.Globalization;
using System.Text.Json;
using AgentOps.Evals.Gating;
using AgentOps.Evals.Running;
using AgentOps.Evals.Statistics;
using static AgentOps.Evals.Reporting.Html.HtmlText;

namespace AgentOps.Evals.Reporting.Html;

/// <summary>Renders the report's sections in order; output depends only on its inputs (no clock, invariant culture).</summary>
internal sealed class HtmlReportRenderer(TextWriter w, GateVerdict? verdict, ReportSide? baseline, ReportSide candidate, IReadOnlyList<HistoryPoint> history)
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

    public void Render()
    {
        var title = verdict is null
            ? $"Run {candidate.Run.RunId}: {candidate.Run.Candidate.Name}"
            : $"Gate {verdict.Outcome.ToString().ToUpperInvariant()}: {candidate.Run.Candidate.Name} vs {baseline!.Run.Candidate.Name}";
        w.Write($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy}\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write($"<title>{E(title)}</title>\n<style>\n{Asset("report.css")}</style>\n</head>\n<body>\n");
        Header();
        Identities();
        if (verdict is not null) Findings(verdict);
        Slices();
        if (verdict is not null) Flips(verdict);
        Plots();
        History();
        Cases();
        w.Write($"<script>\n{Asset("report.js")}</script>\n</body></html>\n");
    }

    private void Header()
    {
        w.Write("<h1>AgentOps.Evals report</h1>\n");
        if (verdict is not null)
        {
            var outcome = verdict.Outcome.ToString().ToLowerInvariant();
            w.Write($"<div id=\"verdict\" class=\"verdict {outcome}\" data-outcome=\"{outcome}\">Gate {verdict.Outcome.ToString().ToUpperInvariant()}</div>\n");
            var all = verdict.Slices.FirstOrDefault(s => s.Name == GateEvaluator.Overall);
            var line = all is null ? "" : $"Pass rate {Pct(all.BaselinePassRate.Estimate)} → {Pct(all.CandidatePassRate.Estimate)} on {all.Cases} paired cases; ";
            w.Write($"<p class=\"summary-line\">{E(line)}{verdict.Flips.Regressions.Count} regression(s), {verdict.Flips.Improvements.Count} improvement(s); exit code {verdict.ExitCode}.</p>\n");
        }
        else
        {
            var trials = candidate.Trials;
            var passed = trials.Count(t => t.Outcome == TrialOutcome.Passed);
            var judged = trials.Count(t => t.Outcome != TrialOutcome.InfraError);
            w.Write($"<div id=\"verdict\" class=\"verdict run\" data-outcome=\"run\">Run {E(candidate.Run.Status.ToString().ToUpperInvariant())}: {passed} of {judged} judged trials passed</div>\n");
            var infra = trials.Count - judged;
            w.Write($"<p class=\"summary-line\">{trials.Count} trials, {infra} infrastructure error(s), pass rate {Pct(judged == 0 ? null : (double)passed / judged)}.</p>\n");
        }
    }

    private void Identities()
    {
        var sides = baseline is null ? new[] { ("run", candidate) } : new[] { ("baseline", baseline), ("candidate", candidate) };
        w.Write("<h2>Candidates</h2>\n<table id=\"identities\"><tr><th></th>");
        foreach (var (role, _) in sides) w.Write($"<th>{role}</th>");
        w.Write("</tr>\n");
        Row("candidate", s => s.Run.Candidate.Name);
        Row("model", s => s.Run.Candidate.ModelId);
        Row("prompt hash", s => s.Run.Candidate.PromptHash);
        Row("provider", s => s.Run.Candidate.Provider);
        Row("harness", s => s.Run.Candidate.HarnessVersion);
        Row("run", s => s.Run.RunId);
        Row("k", s => s.Run.K.ToString(CultureInfo.InvariantCulture));
        Row("golden-set revision", s => s.Run.GoldenSetRevision);
        Row("git", s => $"{s.Run.GitBranch} {s.Run.GitCommit}".Trim());
        Row("started", s => s.Run.StartedAt.ToString("u", CultureInfo.InvariantCulture));
        Row("trials (infra errors)", s => $"{s.Trials.Count} ({s.Trials.Count(t => t.Outcome == TrialOutcome.InfraError)})");
        Row("judge cost", s => Usd(s.Trials.Sum(t => t.Usage.JudgeCostUsd)));
        w.Write("</table>\n");

        void Row(string name, Func<ReportSide, string> value)
        {
            w.Write($"<tr><th>{name}</th>");
            foreach (var (_, side) in sides) w.Write($"<td><code>{E(value(side))}</code></td>");
            w.Write("</tr>\n");
        }
    }

    private void Findings(GateVerdict v)
    {
        w.Write("<h2>Findings</h2>\n<table id=\"findings\"><tr><th>severity</th><th>rule</th><th>slice</th><th>finding</th></tr>\n");
        foreach (var f in v.Findings)
        {
            var sev = f.Severity.ToString().ToLowerInvariant();
            w.Write($"<tr class=\"{(f.Severity == FindingSeverity.Info ? "" : sev)}\"><td class=\"sev-{sev}\">{sev}</td><td><code>{E(f.Rule)}</code></td><td>{E(f.Slice)}</td><td>{E(f.Message)}{(f.Evidence is null ? "" : $"<br><span class=\"muted\">{E(EvidenceText.Describe(f, withWouldDecide: false))}</span>")}</td></tr>\n");
        }
        if (v.Findings.Count == 0) w.Write("<tr><td colspan=\"4\" class=\"muted\">no findings</td></tr>\n");
        w.Write("</table>\n");
    }

    private void Slices()
    {
        if (verdict is not null)
        {
            w.Write("<h2>Pass rate by slice</h2>\n<p class=\"muted\">Trial pass rates with Wilson 95% intervals; the drop is the paired per-case mean with its 95% lower bound.</p>\n");
            w.Write("<table id=\"slices\"><tr><th>slice</th><th>cases</th><th>baseline</th><th>candidate</th><th>drop (lower bound)</th><th>pass^k</th><th>flaky</th><th>regressions</th><th>improvements</th><th>P0 regressions</th><th>verdict</th></tr>\n");
            foreach (var s in verdict.Slices)
            {
                var outcome = s.Outcome.ToString().ToLowerInvariant();
                w.Write($"<tr class=\"{(s.Outcome == GateOutcome.Pass ? "" : outcome)}\" data-slice=\"{E(s.Name)}\"><td>{E(s.Name)}</td><td class=\"num\">{s.Cases}</td>" +
                        $"<td class=\"num\">{Interval(s.BaselinePassRate)}</td><td class=\"num\">{Interval(s.CandidatePassRate)}</td>" +
                        $"<td class=\"num\">{Points(s.Drop.MeanDrop)} ({Points(s.Drop.LowerBound)})</td><td class=\"num\">{Pct(s.CandidatePassHatK)}</td>" +
                        $"<td class=\"num\">{s.FlakyCases}</td><td class=\"num\">{s.Regressions}</td><td class=\"num\">{s.Improvements}</td><td class=\"num\">{s.P0Regressions}</td>" +
                        $"<td class=\"sev-{(s.Outcome == GateOutcome.Pass ? "info" : outcome)}\">{outcome}</td></tr>\n");
            }
            w.Write("</table>\n");
            return;
        }
        w.Write("<h2>Pass rate by suite and tag</h2>\n<p class=\"muted\">Trial pass rates (infrastructure errors excluded) with Wilson 95% intervals.</p>\n");
        w.Write("<table id=\"slices\"><tr><th>slice</th><th>cases</th><th>trials</th><th>pass rate [95% interval]</th><th>cases all passed</th><th>infra errors</th><th>cost</th></tr>\n");
        var byCase = candidate.Trials.GroupBy(t => t.CaseId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var runCases = candidate.Run.Cases;
        var groups = new List<(string Name, List<RunCaseInfo> Cases)> { ("all", runCases.Select(Info).ToList()) };
        groups.AddRange(runCases.GroupBy(c => "suite:" + (c.Suite.Length == 0 ? "(root)" : c.Suite)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Select(Info).ToList())));
        groups.AddRange(runCases.SelectMany(c => c.Tags.Select(t => (Tag: t, Case: c))).GroupBy(x => x.Tag).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Select(x => Info(x.Case)).ToList())));
        foreach (var (name, cases) in groups)
        {
            var trials = cases.SelectMany(c => byCase.GetValueOrDefault(c.Id, [])).ToList();
            var judged = trials.Where(t => t.Outcome != TrialOutcome.InfraError).ToList();
            var rate = WilsonInterval.Compute(judged.Count(t => t.Passed), judged.Count);
            var allPassed = cases.Count(c => byCase.GetValueOrDefault(c.Id, []) is { Count: > 0 } ts && ts.All(t => t.Passed));
            var weak = judged.Count > 0 && rate.Estimate < 1;
            w.Write($"<tr class=\"{(weak ? "fail" : "")}\" data-slice=\"{E(name)}\"><td>{E(name)}</td><td class=\"num\">{cases.Count}</td><td class=\"num\">{trials.Count}</td><td class=\"num\">{Interval(rate)}</td>" +
                    $"<td class=\"num\">{allPassed}</td><td class=\"num\">{trials.Count - judged.Count}</td><td class=\"num\">{Usd(trials.Sum(t => t.Usage.CostUsd))}</td></tr>\n");
        }
        w.Write("</table>\n");

        static RunCaseInfo Info(RunCase c) => new(c.Id);
    }

    private void Flips(GateVerdict v)
    {
        w.Write($"<h2>Flips</h2>\n<p id=\"flips\">Exact McNemar p = {Num(v.Flips.McNemarPValue, "0.###")} on the discordant cases.</p>\n");
        FlipList("Regressions", "regression", v.Flips.Regressions);
        FlipList("Improvements", "improvement", v.Flips.Improvements);

        void FlipList(string name, string css, IReadOnlyList<string> ids)
        {
            w.Write($"<p><strong>{name}</strong> ({ids.Count}): ");
            if (ids.Count == 0) w.Write("<span class=\"muted\">none</span>");
            foreach (var id in ids) w.Write($"<a class=\"badge {css}\" href=\"#{E(Anchor(id))}\">{E(id)}</a>");
            w.Write("</p>\n");
        }
    }

    private void Plots()
    {
        w.Write("<h2>Cost and latency</h2>\n<div class=\"plots\">\n");
        var sides = new List<(string, string, ReportSide)>();
        if (baseline is not null) sides.Add(("baseline " + baseline.Run.Candidate.Name, SvgPlot.BaselineColor, baseline));
        sides.Add(((baseline is null ? "" : "candidate ") + candidate.Run.Candidate.Name, SvgPlot.CandidateColor, candidate));
        static List<TrialResult> Judged(ReportSide s) => s.Trials.Where(t => t.Outcome != TrialOutcome.InfraError).ToList();

        var latency = sides.Select(s => (s.Item1, s.Item2, (IReadOnlyList<double>)Judged(s.Item3).Select(t => t.LatencyMs).ToList())).ToList();
        var cost = sides.Select(s => (s.Item1, s.Item2, (IReadOnlyList<double>)Judged(s.Item3).Select(t => (double)t.Usage.CostUsd).ToList())).ToList();
        w.Write($"<div class=\"plot\" id=\"plot-latency\"><div>Latency per trial</div>{SvgPlot.Histogram("Latency per trial (ms)", latency, x => Ms(x))}{Legend(sides)}{Percentiles(sides)}</div>\n");
        w.Write($"<div class=\"plot\" id=\"plot-cost\"><div>Cost per trial</div>{SvgPlot.Histogram("Cost per trial (USD)", cost, x => Usd((decimal)x))}{Legend(sides)}</div>\n");
        w.Write("</div>\n");

        static string Legend(List<(string Name, string Color, ReportSide Side)> sides) =>
            "<div class=\"legend\">" + string.Concat(sides.Select(s => $"<span><i class=\"swatch\" style=\"background:{s.Color}\"></i>{E(s.Name)}</span>")) + "</div>";

        static string Percentiles(List<(string Name, string Color, ReportSide Side)> sides) =>
            "<div class=\"muted\">" + string.Join("; ", sides.Select(s =>
            {
                var values = Judged(s.Side).Select(t => t.LatencyMs).ToList();
                return $"{E(s.Name)}: p50 {Ms(Percentile.NearestRank(values, 0.5))}, p95 {Ms(Percentile.NearestRank(values, 0.95))}";
            })) + "</div>";
    }

    private void History()
    {
        w.Write($"<h2>History of {E(candidate.Run.Candidate.Name)}</h2>\n<div class=\"plots\"><div class=\"plot\" id=\"plot-history\">");
        var labels = history.Select(h => $"{h.RunId} ({h.StartedAt.ToString("u", CultureInfo.InvariantCulture)})").ToList();
        w.Write(SvgPlot.Trend("Pass rate and cost across stored runs", labels,
        [
            ("pass rate", SvgPlot.CandidateColor, history.Select(h => h.PassRate).ToList(), true, v => Pct(v)),
            ("cost", SvgPlot.CostColor, history.Select(h => (double?)(double)h.CostUsd).ToList(), false, v => Usd((decimal)v)),
        ]));
        w.Write($"<div class=\"legend\"><span><i class=\"swatch\" style=\"background:{SvgPlot.CandidateColor}\"></i>pass rate (0–100%)</span><span><i class=\"swatch\" style=\"background:{SvgPlot.CostColor}\"></i>cost (0–max)</span></div>");
        w.Write($"<div class=\"muted\">{history.Count} stored run(s)</div></div></div>\n");
    }

    private void Cases()
    {
        var runCases = candidate.Run.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var comparisons = verdict?.Cases.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var candidateTrials = Group(candidate.Trials);
        var baselineTrials = baseline is null ? null : Group(baseline.Trials);
        var ids = runCases.Keys.Union(candidateTrials.Keys).ToList();

        w.Write("<h2>Cases</h2>\n<div class=\"filters\">");
        Select("filter-suite", "suite", ids.Select(id => Suite(runCases.GetValueOrDefault(id))));
        Select("filter-tag", "tag", ids.SelectMany(id => runCases.GetValueOrDefault(id)?.Tags ?? []));
        Select("filter-severity", "severity", ids.Select(id => runCases.GetValueOrDefault(id)?.Severity ?? ""));
        w.Write("<label><input type=\"checkbox\" id=\"filter-failed\"> failed only</label>");
        w.Write("<input type=\"search\" id=\"search\" placeholder=\"search ids, titles, outputs…\" aria-label=\"search\">");
        w.Write($"<span id=\"shown-count\" class=\"muted\">{ids.Count} cases</span></div>\n<div id=\"cases\">\n");

        var ordered = ids
            .Select(id => (Id: id, Flip: comparisons?.GetValueOrDefault(id)?.Flip ?? CaseFlip.None, Failed: HasFailure(candidateTrials.GetValueOrDefault(id))))
            .OrderBy(x => x.Flip == CaseFlip.Regression ? 0 : x.Failed ? 1 : x.Flip == CaseFlip.Improvement ? 2 : 3)
            .ThenBy(x => x.Id, StringComparer.Ordinal);
        foreach (var (id, flip, failed) in ordered)
        {
            var info = runCases.GetValueOrDefault(id);
            var trials = candidateTrials.GetValueOrDefault(id) ?? [];
            var comparison = comparisons?.GetValueOrDefault(id);
            var tags = JsonSerializer.Serialize(info?.Tags ?? []);
            w.Write($"<details class=\"case{(failed ? " has-failure" : "")}\" id=\"{E(Anchor(id))}\" data-id=\"{E(id)}\" data-suite=\"{E(Suite(info))}\" data-tags=\"{E(tags)}\" data-severity=\"{E(info?.Severity ?? "")}\" data-failed=\"{(failed ? "true" : "false")}\">\n");
            w.Write($"<summary><strong class=\"case-id\">{E(id)}</strong> <span>{E(info?.Title ?? "")}</span> <span class=\"badge\">{E(info?.Severity ?? "?")}</span> <span class=\"badge\">{E(Suite(info))}</span>");
            foreach (var tag in info?.Tags ?? []) w.Write($"<span class=\"badge\">{E(tag)}</span>");
            if (flip != CaseFlip.None) w.Write($"<span class=\"badge {flip.ToString().ToLowerInvariant()}\">{flip.ToString().ToLowerInvariant()}</span>");
            if (comparison?.Flaky == true) w.Write("<span class=\"badge flaky\">flaky</span>");
            var baselineScore = baselineTrials is null ? "" : $"baseline {Score(baselineTrials.GetValueOrDefault(id))} → ";
            w.Write($"<span class=\"score\">{baselineScore}{(baselineTrials is null ? "" : "candidate ")}{Score(trials)}</span></summary>\n<div class=\"case-body\">\n");
            if (info is not null) w.Write($"<div class=\"muted\">file: <code>{E(info.File)}</code></div>\n");
            if (baselineTrials is not null)
                Side($"baseline {baseline!.Run.Candidate.Name}", baselineTrials.GetValueOrDefault(id) ?? [], "baseline");
            Side(baselineTrials is null ? "trials" : $"candidate {candidate.Run.Candidate.Name}", trials, "candidate");
            w.Write("</div></details>\n");
        }
        w.Write("</div>\n");
    }

    private void Side(string title, IReadOnlyList<TrialResult> trials, string role)
    {
        w.Write($"<div class=\"side-title\">{E(title)}</div>\n<div class=\"trials\" data-role=\"{role}\">\n");
        if (trials.Count == 0) w.Write("<div class=\"muted\">no trials stored</div>\n");
        foreach (var t in trials)
        {
            var outcome = t.Outcome.ToString().ToLowerInvariant();
            w.Write($"<div class=\"trial {outcome}\" data-trial=\"{t.TrialIndex}\"><div class=\"trial-head\">trial {t.TrialIndex}: {OutcomeText(t.Outcome)} " +
                    $"<span class=\"meta\">{Ms(t.LatencyMs)} · {Usd(t.Usage.CostUsd)} · {t.Usage.InputTokens}/{t.Usage.OutputTokens} tokens{(t.Usage.JudgeCostUsd > 0 ? " · judge " + Usd(t.Usage.JudgeCostUsd) : "")}{(t.FinishReason is null ? "" : " · " + E(t.FinishReason))}</span></div>\n");
            if (t.Error is not null) w.Write($"<div class=\"error\">{E(t.ErrorKind ?? "error")}: {E(t.Error)}</div>\n");
            w.Write($"<pre class=\"output\">{E(t.Output)}</pre>\n");
            if (t.Assertions.Count > 0)
            {
                w.Write("<ul class=\"assertions\">");
                foreach (var a in t.Assertions)
                {
                    var (mark, css) = a.InfraError ? ("!", "infra") : a.Passed ? ("✓", "ok") : ("✗", "ko");
                    w.Write($"<li class=\"{css}\">{mark} <code>{E(a.Type)}</code> {E(a.Reason)}{MetricLine(a)}</li>");
                }
                w.Write("</ul>\n");
            }
            if (t.Trajectory.ToolCalls.Count > 0)
            {
                w.Write("<div class=\"muted\">tool trajectory</div><ol class=\"trajectory\">");
                foreach (var call in t.Trajectory.ToolCalls)
                {
                    var result = call.Error is null ? E(call.ResultJson ?? "null") : $"<span class=\"error\">error: {E(call.Error)}</span>";
                    w.Write($"<li><code>{E(call.Name)}({E(call.ArgumentsJson)})</code> → <code>{result}</code> <span class=\"muted\">turn {call.TurnIndex}</span></li>");
                }
                w.Write("</ol>\n");
            }
            w.Write("</div>\n");
        }
        w.Write("</div>\n");
    }

    /// <summary>A registered MEAI evaluator's metric in full (value, rating, diagnostics, metadata); a built-in assertion's
    /// own metric repeats its verdict and reason, so it is not shown again.</summary>
    private static string MetricLine(AssertionResult a)
    {
        if (a.Metric is not { } m || m.Name == a.Type) return "";
        var value = m.NumericValue?.ToString("0.###", CultureInfo.InvariantCulture) ?? (m.BooleanValue is { } yes ? (yes ? "yes" : "no") : null) ?? m.StringValue ?? "no value";
        var parts = new List<string> { $"metric <code>{E(m.Name)}</code> = {E(value)}" };
        if (m.Rating is not null) parts.Add($"rated {E(m.Rating)}{(m.Failed == true ? " (failed)" : "")}");
        parts.AddRange(m.Diagnostics.Select(d => $"{E(d.Severity.ToLowerInvariant())}: {E(d.Message)}"));
        if (m.Metadata.Count > 0) parts.Add(string.Join(", ", m.Metadata.Select(kv => $"{E(kv.Key)}={E(kv.Value)}")));
        return $"<div class=\"metric muted\">{string.Join(" · ", parts)}</div>";
    }

    private void Select(string id, string label, IEnumerable<string> values)
    {
        w.Write($"<label>{label} <select id=\"{id}\"><option value=\"\">all</option>");
        foreach (var value in values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            w.Write($"<option value=\"{E(value)}\">{E(value)}</option>");
        w.Write("</select></label>");
    }

    private static Dictionary<string, List<TrialResult>> Group(IReadOnlyList<TrialResult> trials) =>
        trials.GroupBy(t => t.CaseId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(t => t.TrialIndex).ToList(), StringComparer.Ordinal);

    private static bool HasFailure(List<TrialResult>? trials) => trials is not null && trials.Any(t => t.Outcome != TrialOutcome.Passed);

    private static string Score(IReadOnlyList<TrialResult>? trials) =>
        trials is null || trials.Count == 0 ? "–" : $"{trials.Count(t => t.Passed)}/{trials.Count} passed";

    private static string Suite(RunCase? info) => info is null ? "" : info.Suite.Length == 0 ? "(root)" : info.Suite;

    private static string OutcomeText(TrialOutcome outcome) => outcome switch
    {
        TrialOutcome.Passed => "<span class=\"ok\">passed</span>",
        TrialOutcome.Failed => "<span class=\"ko\">failed</span>",
        _ => "<span class=\"infra\">infrastructure error</span>",
    };

    private static string Interval(ProportionInterval p) =>
        p.Trials == 0 ? "–" : $"{Pct(p.Estimate)} <span class=\"muted\">[{Pct(p.Lower)}–{Pct(p.Upper)}]</span> <span class=\"muted\">{p.Successes}/{p.Trials}</span>";

    private static string Points(double drop) => double.IsNaN(drop) ? "–" : (drop * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pts";

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("AgentOps.Evals.Reporting.Html." + name)
            ?? throw new InvalidOperationException($"report asset '{name}' is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record RunCaseInfo(string Id);
}
