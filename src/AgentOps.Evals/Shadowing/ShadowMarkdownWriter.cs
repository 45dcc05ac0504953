using System.Text;

namespace AgentOps.Evals.Shadowing;

/// <summary>The shadow report as Markdown (a PR comment or step summary): verdict per slice and rule, distributions, the most divergent inputs side by side.</summary>
public static class ShadowMarkdownWriter
{
    /// <summary><paramref name="report"/> as Markdown, with the <paramref name="divergent"/> most divergent inputs side by side.</summary>
    public static string ToMarkdown(ShadowReport report, int divergent = 5)
    {
        var md = new StringBuilder();
        var v = report.Verdict;
        md.Append($"## Shadow: {Esc(report.Candidate)} vs {Esc(report.Baseline)} — **{v.Outcome.ToString().ToUpperInvariant()}**\n\n");
        md.Append($"{report.Inputs.Count} sampled production input(s), k = {report.K}; one-sided α = {ShadowText.Figure(v.Alpha)}, slices Holm-adjusted.\n\n");
        foreach (var note in report.Notes) md.Append("> ").Append(Esc(note)).Append('\n');
        if (report.Notes.Count > 0) md.Append('\n');
        md.Append("| slice | inputs | verdict | rule | estimate | bounds | limit | decision |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var slice in v.Slices)
            foreach (var c in slice.Checks)
                md.Append($"| {Esc(slice.Slice)} | {slice.Inputs} | {slice.Outcome} | {c.Rule} | {ShadowText.RuleFigure(c.Rule, c.Estimate)} | [{ShadowText.RuleFigure(c.Rule, c.Lower)}, {ShadowText.RuleFigure(c.Rule, c.Upper)}] | {ShadowText.RuleFigure(c.Rule, c.Limit)} | {c.Decision}{(c.WouldDecide is null ? "" : ": " + Esc(c.WouldDecide))} |\n");
        if (v.RulesOff.Count > 0) md.Append($"\nRules off: {Esc(string.Join(", ", v.RulesOff))}\n");
        if (v.Slices.FirstOrDefault()?.Judge is { } j)
            md.Append($"\nJudge (both orders): {j.Wins} win / {j.Ties} tie / {j.Losses} loss, {j.Failed} unjudged; win rate {ShadowText.Percent(j.WinRate.Estimate)} [{ShadowText.Percent(j.WinRate.Lower)}, {ShadowText.Percent(j.WinRate.Upper)}], loss rate {ShadowText.Percent(j.LossRate.Estimate)} [{ShadowText.Percent(j.LossRate.Lower)}, {ShadowText.Percent(j.LossRate.Upper)}]; mean position gap {ShadowText.Figure(j.MeanPositionGap, "0.00")}.\n");

        if (ShadowText.Rubric(report) is { Length: > 0 } rubricLine) md.Append('\n').Append(Esc(rubricLine)).Append(".\n");
        md.Append("\n| side | trials | cost/request | cost p95 | latency p50 | latency p95 | tokens in/out | refusals | finish reasons |\n|---|---|---|---|---|---|---|---|---|\n");
        foreach (var (name, d) in new[] { (report.Baseline, report.BaselineDistribution), (report.Candidate, report.CandidateDistribution) })
            md.Append($"| {Esc(name)} | {d.Trials} | {ShadowText.Usd(d.MeanCostUsd)} | {ShadowText.Figure(d.CostP95Usd, "0.######")} | {ShadowText.Figure(d.LatencyP50Ms, "0")} ms | {ShadowText.Figure(d.LatencyP95Ms, "0")} ms | {ShadowText.Figure(d.MeanInputTokens, "0")}/{ShadowText.Figure(d.MeanOutputTokens, "0")} | {ShadowText.Percent(d.RefusalRate.Estimate)} | {Esc(string.Join(", ", d.FinishReasons.Select(r => $"{r.Key} {r.Value}")))} |\n");

        md.Append($"\n### Most divergent inputs (anonymized)\n");
        foreach (var c in report.MostDivergent(divergent))
        {
            md.Append($"\n**{Esc(c.Id)}** {Esc(string.Join(" ", c.Input.Slices.Select(s => $"{s.Key}:{s.Value}")))} — excess divergence {ShadowText.Figure(c.Output.Excess, "0.000")} (cross {ShadowText.Figure(c.Output.CrossAgreement, "0.000")} vs own {ShadowText.Figure(c.Output.NoiseFloor, "0.000")}), tool calls differ in {ShadowText.Percent(c.Tools.CrossRate)} of pairs{(c.Judgement?.Outcome is { } o ? $", judge: candidate {o.ToString().ToLowerInvariant()}" : "")}\n\n");
            foreach (var m in c.Input.Conversation) md.Append($"> **{Esc(m.Role)}:** {Esc(Line(m.Content))}\n");
            if (c.Unrecorded.Any) md.Append($"\n⚠ {Esc(ShadowText.Unrecorded(c.Unrecorded, report.Baseline, report.Candidate))}\n");
            md.Append($"\n| {Esc(report.Baseline)} | {Esc(report.Candidate)} |\n|---|---|\n");
            md.Append($"| {Esc(Line(c.Baseline.Outputs.FirstOrDefault() ?? ""))} | {Esc(Line(c.Candidate.Outputs.FirstOrDefault() ?? ""))} |\n");
            md.Append($"| {Esc(ShadowText.ToolCalls(c.Baseline.ToolCalls.FirstOrDefault() ?? []))} | {Esc(ShadowText.ToolCalls(c.Candidate.ToolCalls.FirstOrDefault() ?? []))} |\n");
            if (c.RubricDelta is { } delta)
                md.Append($"\nRubric: {Esc(report.Baseline)} {ShadowText.Figure(c.BaselineRubric?.Mean, "0.00")}, {Esc(report.Candidate)} {ShadowText.Figure(c.CandidateRubric?.Mean, "0.00")} ({ShadowText.RuleFigure("min-rubric-score-delta", delta)}): {Esc(Line(c.CandidateRubric?.Reasons.FirstOrDefault() ?? ""))}\n");
            if (c.Judgement is { Error: null } jd)
                md.Append($"\nJudge, {Esc(report.Candidate)} second: {Esc(Line(jd.CandidateSecondReason))} · {Esc(report.Candidate)} first: {Esc(Line(jd.CandidateFirstReason))}\n");
        }
        return md.ToString();
    }

    private static string Line(string text) => text.ReplaceLineEndings(" ");

    /// <summary>Escapes what would break a table or turn data into markup.</summary>
    private static string Esc(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#') b.Append('\\');
            b.Append(ch);
        }
        return b.ToString();
    }
}
