using System.Text;
using AgentOps.Evals.Gating;

namespace AgentOps.Evals.Reporting;

/// <summary>A gate verdict where GitHub Actions shows it: the Markdown summary in the job's step summary and an
/// <c>::error</c> annotation on each regressed case file. Reads only the variables Actions sets.</summary>
public static class GitHubActions
{
    /// <summary>True when running as a GitHub Actions step (<c>GITHUB_ACTIONS=true</c>).</summary>
    public static bool IsActive => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    /// <summary>The blob URL of the commit under test (<c>$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/</c>), for case-file
    /// links in Markdown; null outside Actions.</summary>
    public static string? BlobLinkBase() =>
        Environment.GetEnvironmentVariable("GITHUB_SERVER_URL") is { Length: > 0 } server
        && Environment.GetEnvironmentVariable("GITHUB_REPOSITORY") is { Length: > 0 } repo
        && Environment.GetEnvironmentVariable("GITHUB_SHA") is { Length: > 0 } sha
            ? $"{server}/{repo}/blob/{sha}/"
            : null;

    /// <summary>Appends the verdict's Markdown to <c>GITHUB_STEP_SUMMARY</c> (when set) and writes its annotations to <paramref name="annotations"/>
    /// (the step's standard output, where Actions reads them).</summary>
    public static async Task PublishAsync(GateVerdict verdict, string? linkBase, TextWriter annotations)
    {
        if (Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } summary)
        {
            var writer = new StreamWriter(summary, append: true, new UTF8Encoding(false));
            await using (writer.ConfigureAwait(false)) new MarkdownGateReportWriter(linkBase).Write(verdict, writer);
        }
        new GitHubAnnotationsWriter().Write(verdict, annotations);
    }
}
