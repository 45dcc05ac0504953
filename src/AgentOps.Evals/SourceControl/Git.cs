using System.Diagnostics;

namespace AgentOps.Evals.SourceControl;

/// <summary>Runs git for what the harness reads from the repository (commit, branch, file history).</summary>
internal static class Git
{
    /// <summary>git's standard output, or null when git is missing, the folder is not in a repository, or git fails.</summary>
    public static string? Run(string arguments, string? workingDirectory = null)
    {
        try
        {
            var start = new ProcessStartInfo("git", "-c core.quotepath=off " + arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
            using var process = Process.Start(start);
            if (process is null) return null;
            // Both pipes drained, so a chatty stderr cannot block git while we wait on stdout.
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
