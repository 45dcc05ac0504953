namespace AgentOps.Evals.Reporting;

/// <summary>The one registration list of gate report formats.</summary>
public static class GateReportWriters
{
    /// <summary>Every writer; <paramref name="fileLinkBase"/> prefixes case-file links in Markdown (e.g. a repository blob URL ending in '/').</summary>
    public static IReadOnlyList<IGateReportWriter> All(string? fileLinkBase = null) =>
    [
        new JsonGateReportWriter(),
        new JUnitGateReportWriter(),
        new MarkdownGateReportWriter(fileLinkBase),
        new GitHubAnnotationsWriter(),
    ];

    /// <summary>The writer for <paramref name="format"/>, or null when there is none.</summary>
    public static IGateReportWriter? For(string format, string? fileLinkBase = null) =>
        All(fileLinkBase).FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}
