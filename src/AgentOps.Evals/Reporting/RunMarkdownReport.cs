using System.Globalization;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Reporting;

/// <summary>A stored run as Markdown: identity, per-suite table, and every failed case with its reasons.</summary>
public static class RunMarkdownReport
{
    /// <summary>Writes <paramref name="run"/> and its <paramref name="trials"/> as Markdown to <paramref name="writer"/>.</summary>
    public static void Write(RunInfo run, IReadOnlyList<TrialResult> trials, TextWriter writer)
    {
        var c = run.Candidate;
        var inv = CultureInfo.InvariantCulture;
        writer.WriteLine($"## Run `{run.RunId}`");
        writer.WriteLine();
        writer.WriteLine($"Candidate **{c.Name}** · model `{c.ModelId}` · prompt `{c.PromptHash}` · provider `{c.Provider}`{(c.Settings.Length > 0 ? $" · settings `{c.Settings}`" : "")} · k={run.K} · golden set `{run.GoldenSetRevision}` · harness {c.HarnessVersion}");
        writer.WriteLine();
        writer.WriteLine("| suite | cases | trials | passed | failed | infra | pass rate | cost USD | p95 ms |");
        writer.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in SuiteSummary.Summarize(run, trials))
            writer.WriteLine(string.Create(inv, $"| {(row.Suite == "all" ? "**all**" : row.Suite)} | {row.Cases} | {row.Trials} | {row.Passed} | {row.Failed} | {row.InfraErrors} | {row.PassRate:P1} | {row.CostUsd:0.0000} | {row.P95LatencyMs:0} |"));
        var failed = trials.Where(t => !t.Passed).GroupBy(t => t.CaseId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (failed.Count == 0) return;
        writer.WriteLine();
        writer.WriteLine("### Cases with failed trials");
        writer.WriteLine();
        var files = run.Cases.ToDictionary(x => x.Id, x => x.File);
        foreach (var group in failed)
        {
            var file = files.GetValueOrDefault(group.Key);
            writer.WriteLine(file is null ? $"- **{group.Key}** ({group.Count()} trials)" : $"- **[{group.Key}]({file.Replace('\\', '/')})** ({group.Count()} trials)");
            var first = group.First();
            if (first.Error is not null) writer.WriteLine($"  - {Escape(first.Error)}");
            foreach (var a in first.Assertions.Where(a => !a.Passed))
                writer.WriteLine($"  - `{a.Type}`: {Escape(a.Reason)}");
        }
    }

    private static string Escape(string text) => text.Replace("|", "\\|").Replace("\n", " ").Replace("<", "&lt;");
}
