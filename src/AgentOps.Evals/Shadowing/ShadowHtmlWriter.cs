using System.Globalization;
using System.Net;
using System.Text;

namespace AgentOps.Evals.Shadowing;

/// <summary>The shadow report as one self-contained HTML page (inline CSS, no scripts or links): verdict, distributions as histograms,
/// the most divergent inputs side by side with tool calls and the judge's reasons.</summary>
public static class ShadowHtmlWriter
{
    private const string Style = """
        body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}
        .Pass{color:#176b2c;font-weight:bold}.Fail{color:#b00020;font-weight:bold}.Inconclusive{color:#8a5a00;font-weight:bold}
        .pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}.answer{white-space:pre-wrap;background:#f6f6f6;padding:.5em;border-radius:4px}
        .bar{display:inline-block;height:10px;background:#4a78c2;margin-right:4px}.bar.c{background:#d9822b}.msg{white-space:pre-wrap}.note{color:#555}.warn{color:#8a5a00}
        """;

    /// <summary>A self-contained HTML page (inline style, no network) of <paramref name="report"/>, with the <paramref name="divergent"/> most divergent inputs side by side.</summary>
    public static string ToHtml(ShadowReport report, int divergent = 10)
    {
        var h = new StringBuilder();
        var v = report.Verdict;
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Shadow ").Append(E(report.Candidate)).Append(" vs ").Append(E(report.Baseline))
            .Append("</title><style>").Append(Style).Append("</style></head><body>");
        h.Append($"<h1>Shadow: {E(report.Candidate)} vs {E(report.Baseline)} — <span class=\"{v.Outcome}\">{v.Outcome.ToString().ToUpperInvariant()}</span></h1>");
        h.Append($"<p>{report.Inputs.Count} sampled, anonymized production inputs; k = {report.K}; one-sided α = {ShadowText.Figure(v.Alpha)}, slices Holm-adjusted. ")
            .Append($"Models: {E(report.BaselineIdentity?.ModelId ?? "production (recorded)")} → {E(report.CandidateIdentity.ModelId)}.</p>");
        foreach (var note in report.Notes) h.Append("<p class=\"note\">").Append(E(note)).Append("</p>");

        h.Append("<h2>Verdict per slice</h2><table><tr><th>slice</th><th>inputs</th><th>verdict</th><th>rule</th><th>estimate</th><th>bounds</th><th>limit</th><th>decision</th></tr>");
        foreach (var slice in v.Slices)
            foreach (var c in slice.Checks)
                h.Append($"<tr><td>{E(slice.Slice)}</td><td>{slice.Inputs}</td><td class=\"{slice.Outcome}\">{slice.Outcome}</td><td>{c.Rule}</td><td>{E(ShadowText.RuleFigure(c.Rule, c.Estimate))}</td>")
                    .Append($"<td>[{E(ShadowText.RuleFigure(c.Rule, c.Lower))}, {E(ShadowText.RuleFigure(c.Rule, c.Upper))}]</td><td>{E(ShadowText.RuleFigure(c.Rule, c.Limit))}</td><td class=\"{c.Decision}\">{c.Decision}{(c.WouldDecide is null ? "" : "<br><small>" + E(c.WouldDecide) + "</small>")}</td></tr>");
        h.Append("</table>");
        if (v.Slices.FirstOrDefault()?.Judge is { } j)
            h.Append($"<p>Judge, both orders: {j.Wins} win / {j.Ties} tie / {j.Losses} loss ({j.Failed} unjudged); win rate {ShadowText.Percent(j.WinRate.Estimate)} [{ShadowText.Percent(j.WinRate.Lower)}, {ShadowText.Percent(j.WinRate.Upper)}]; loss rate {ShadowText.Percent(j.LossRate.Estimate)} [{ShadowText.Percent(j.LossRate.Lower)}, {ShadowText.Percent(j.LossRate.Upper)}].</p>");

        if (ShadowText.Rubric(report) is { Length: > 0 } rubricLine) h.Append("<p>").Append(E(rubricLine)).Append(".</p>");
        h.Append("<h2>Cost and latency</h2><table><tr><th>side</th><th>trials</th><th>cost/request</th><th>latency p50</th><th>latency p95</th><th>tokens in/out</th><th>refusals</th><th>finish reasons</th></tr>");
        foreach (var (name, d) in new[] { (report.Baseline, report.BaselineDistribution), (report.Candidate, report.CandidateDistribution) })
            h.Append($"<tr><td>{E(name)}</td><td>{d.Trials}</td><td>{E(ShadowText.Usd(d.MeanCostUsd))}</td><td>{ShadowText.Figure(d.LatencyP50Ms, "0")} ms</td><td>{ShadowText.Figure(d.LatencyP95Ms, "0")} ms</td><td>{ShadowText.Figure(d.MeanInputTokens, "0")}/{ShadowText.Figure(d.MeanOutputTokens, "0")}</td><td>{ShadowText.Percent(d.RefusalRate.Estimate)}</td><td>{E(string.Join(", ", d.FinishReasons.Select(r => $"{r.Key} {r.Value}")))}</td></tr>");
        h.Append("</table>");
        var compared = report.Inputs.Where(i => i.Compared).ToList();
        Histogram(h, "Latency per trial (ms)", compared.SelectMany(i => i.Baseline.LatenciesMs).ToList(), compared.SelectMany(i => i.Candidate.LatenciesMs).ToList(), report);
        Histogram(h, "Cost per trial (USD)", compared.SelectMany(i => i.Baseline.CostsUsd).Select(c => (double)c).ToList(), compared.SelectMany(i => i.Candidate.CostsUsd).Select(c => (double)c).ToList(), report);

        h.Append("<h2>Most divergent inputs</h2>");
        foreach (var c in report.MostDivergent(divergent))
        {
            h.Append($"<h3>{E(c.Id)} <small>{E(string.Join(" ", c.Input.Slices.Select(s => $"{s.Key}:{s.Value}")))}</small></h3>");
            h.Append($"<p>Excess divergence {ShadowText.Figure(c.Output.Excess, "0.000")} (cross agreement {ShadowText.Figure(c.Output.CrossAgreement, "0.000")} vs own {ShadowText.Figure(c.Output.NoiseFloor, "0.000")}); tool calls differ in {ShadowText.Percent(c.Tools.CrossRate)} of pairs (own {ShadowText.Percent(c.Tools.OwnRate)}); cost ratio {ShadowText.Figure(c.CostRatio, "0.00")}×, p95 latency ratio {ShadowText.Figure(c.P95LatencyRatio, "0.00")}×.</p>");
            foreach (var m in c.Input.Conversation) h.Append($"<div class=\"msg\"><b>{E(m.Role)}:</b> {E(m.Content)}</div>");
            if (c.Unrecorded.Any) h.Append($"<p class=\"warn\">⚠ {E(ShadowText.Unrecorded(c.Unrecorded, report.Baseline, report.Candidate))}</p>");
            h.Append("<div class=\"pair\">");
            foreach (var (name, side) in new[] { (report.Baseline, c.Baseline), (report.Candidate, c.Candidate) })
            {
                h.Append($"<div><b>{E(name)}</b> ({side.Trials} answer(s))");
                for (var t = 0; t < side.Trials; t++)
                    h.Append($"<div class=\"answer\">{E(side.Outputs[t])}\n<small>{E(ShadowText.ToolCalls(side.ToolCalls[t]))}</small></div>");
                h.Append("</div>");
            }
            h.Append("</div>");
            if (c.RubricDelta is { } delta)
                h.Append($"<p>Rubric: {E(report.Baseline)} {ShadowText.Figure(c.BaselineRubric?.Mean, "0.00")} ({E(c.BaselineRubric?.Reasons.FirstOrDefault() ?? "")}); {E(report.Candidate)} {ShadowText.Figure(c.CandidateRubric?.Mean, "0.00")} ({E(c.CandidateRubric?.Reasons.FirstOrDefault() ?? "")}); delta {E(ShadowText.RuleFigure("min-rubric-score-delta", delta))}.</p>");
            if (c.Judgement is { } jd)
                h.Append(jd.Error is not null ? $"<p class=\"note\">Judge: {E(jd.Error)}</p>"
                    : $"<p>Judge: candidate <b>{E(jd.Outcome?.ToString().ToLowerInvariant() ?? "")}</b> (scores {ShadowText.Figure(jd.CandidateSecondScore)} with {E(report.Candidate)} second, {ShadowText.Figure(jd.CandidateFirstScore)} with it first).<br>{E(report.Candidate)} second: {E(jd.CandidateSecondReason)}<br>{E(report.Candidate)} first: {E(jd.CandidateFirstReason)}</p>");
        }
        h.Append("</body></html>");
        return h.ToString();
    }

    /// <summary>Both sides' values in ten shared bins, as bars: the shape of the distribution, not just its percentiles.</summary>
    private static void Histogram(StringBuilder h, string title, List<double> baseline, List<double> candidate, ShadowReport report)
    {
        var all = baseline.Concat(candidate).ToList();
        if (all.Count == 0) return;
        double min = all.Min(), max = all.Max();
        var width = max > min ? (max - min) / 10 : 1;
        int Bin(double x) => Math.Min(9, (int)((x - min) / width));
        var b = new int[10];
        var c = new int[10];
        foreach (var x in baseline) b[Bin(x)]++;
        foreach (var x in candidate) c[Bin(x)]++;
        var top = Math.Max(1, Math.Max(b.Max(), c.Max()));
        h.Append($"<h3>{E(title)}</h3><table><tr><th>from</th><th>{E(report.Baseline)}</th><th>{E(report.Candidate)}</th></tr>");
        for (var i = 0; i < 10; i++)
            h.Append($"<tr><td>{(min + i * width).ToString("0.######", CultureInfo.InvariantCulture)}</td><td><span class=\"bar\" style=\"width:{b[i] * 200 / top}px\"></span>{b[i]}</td><td><span class=\"bar c\" style=\"width:{c[i] * 200 / top}px\"></span>{c[i]}</td></tr>");
        h.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
