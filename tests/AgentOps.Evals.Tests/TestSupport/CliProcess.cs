using System.Diagnostics;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.TestSupport;

/// <summary>Runs the real agentops-evals command (built next to the tests) as a child process, as a user would.</summary>
internal static class CliProcess
{
    /// <summary>The CLI from its own build output (same configuration as the tests): a copy beside the tests would run with
    /// the test project's dependency set, which lacks assemblies the CLI needs (e.g. the OTLP exporter's logging).</summary>
    public static string Dll { get; } = FindDll();

    private static string FindDll()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var own = Path.Combine(RepoPaths.Root, "src", "AgentOps.Evals.Cli", "bin", tfm.Parent!.Name, tfm.Name, "agentops-evals.dll");
        return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "agentops-evals.dll");
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    public static Task<Result> RunAsync(params string[] args) => RunInAsync(RepoPaths.Root, null, args);

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["CI"] = "true";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>()) info.Environment[key] = value;
        return info;
    }

    public static async Task<Result> RunInAsync(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
