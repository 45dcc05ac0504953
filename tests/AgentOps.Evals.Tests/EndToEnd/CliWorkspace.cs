using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentOps.Evals.Running;
using AgentOps.Evals.Storage;

namespace AgentOps.Evals.Tests.EndToEnd;

/// <summary>A temporary project (config, golden set, store) that the real CLI runs in as a child process.</summary>
internal sealed class CliWorkspace : IDisposable
{
    private CliWorkspace(string root) => Root = root;

    public string Root { get; }
    public string ConfigPath => Path.Combine(Root, "eval.config.yaml");
    public string StorePath => Path.Combine(Root, "results.db");

    /// <summary>The user message of case <paramref name="index"/>; the fake server counts requests by it.</summary>
    public static string Question(int index) => $"Where is order E-{index:0000}?";

    public static string CaseId(int index) => $"e2e-{index:0000}";

    /// <summary>Writes <paramref name="cases"/> cases that pass when the reply contains "delivered", and a config whose
    /// <c>fake</c> provider points at <paramref name="endpoint"/>.</summary>
    public static CliWorkspace Create(Uri endpoint, int cases, int k, int concurrency, double timeoutSeconds = 30, int retries = 4)
    {
        var root = Path.Combine(Path.GetTempPath(), "agentops-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        var suite = Path.Combine(root, "golden-set", "e2e");
        Directory.CreateDirectory(suite);
        for (var i = 0; i < cases; i++)
        {
            File.WriteAllText(Path.Combine(suite, CaseId(i) + ".yaml"), $$"""
                id: {{CaseId(i)}}
                title: End-to-end case {{i}}
                tags: [e2e]
                severity: P2
                status: active
                input:
                  messages:
                    - {role: user, content: "{{Question(i)}}"}
                expect:
                  - {type: contains, value: "delivered"}
                """);
        }
        var timeout = timeoutSeconds.ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(root, "eval.config.yaml"), $$"""
            golden-set: golden-set
            providers:
              fake: {type: openai, endpoint: "{{endpoint.ToString().TrimEnd('/')}}"}
            candidates:
              prod: {model: gpt-4.1-mini, provider: fake}
            baseline: prod
            pricing:
              gpt-4.1-mini: {input: 0.40, output: 1.60}
            run: {k: {{k}}, concurrency: {{concurrency}}, timeout-s: {{timeout}}, retries: {{retries}}, max-tool-iterations: 4}
            gate:
              max-infra-error-rate: 1
            """);
        return new CliWorkspace(root);
    }

    /// <summary>Starts <c>agentops-evals ARGS [--config …] --store …</c> (the CLI dll beside the tests) in the workspace; ARGS may name their own --config.</summary>
    public Process Start(params string[] args)
    {
        var cli = TestSupport.CliProcess.Dll;
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(cli);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        if (!args.Contains("--config"))
        {
            info.ArgumentList.Add("--config");
            info.ArgumentList.Add(ConfigPath);
        }
        info.ArgumentList.Add("--store");
        info.ArgumentList.Add(StorePath);
        var process = new Process { StartInfo = info };
        process.Start();
        return process;
    }

    /// <summary>Runs the CLI to the end and returns its exit code and output.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Reads the store the way a person would after the fact: through the store API.</summary>
    public async Task<(IReadOnlyList<RunInfo> Runs, Dictionary<string, IReadOnlyList<TrialResult>> Trials)> ReadStoreAsync()
    {
        await using var store = await SqliteResultStore.OpenAsync(StorePath);
        var runs = await store.ListRunsAsync();
        var trials = new Dictionary<string, IReadOnlyList<TrialResult>>();
        foreach (var run in runs) trials[run.RunId] = await store.GetTrialsAsync(run.RunId);
        return (runs, trials);
    }

    /// <summary>Trials stored so far by any run (read with a short-lived connection while a child process writes).</summary>
    public long CountStoredTrials()
    {
        if (!File.Exists(StorePath)) return 0;
        try
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={StorePath};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM trials";
            return (long)command.ExecuteScalar()!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // the schema is not there yet
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>How a CLI child process ended.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => new StringBuilder().Append("exit ").Append(ExitCode).AppendLine()
        .AppendLine("stdout:").AppendLine(Stdout).AppendLine("stderr:").AppendLine(Stderr).ToString();
}
