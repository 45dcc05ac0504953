using System.Diagnostics;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Cli;

/// <summary>
/// Issue 13.5 through the real CLI: the mapping store (every original, sealed) is refused where it would be committed,
/// inside the golden set or inside a repository's tracked tree, and re-identifying an unknown case is an error, not an
/// empty table that reads as "this case holds no PII".
/// </summary>
public sealed class HarvestMappingStoreCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-mapping").FullName;

    private static readonly Dictionary<string, string?> Key = new() { ["AGENTOPS_HMAC_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()) };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A config with the sample golden set, fixtures, an output outside any repository, and the given store.</summary>
    private string Config(string mappingStore, string? goldenSet = null)
    {
        var config = Path.Combine(_dir, "eval.config.yaml");
        File.WriteAllText(config, $"""
            golden-set: {goldenSet ?? Path.Combine(RepoPaths.Root, "golden-set")}
            harvest:
              feedback: {Path.Combine(RepoPaths.Root, "fixtures", "feedback", "*.jsonl")}
              traces: {Path.Combine(RepoPaths.Root, "fixtures", "traces", "*.json")}
              out: {Path.Combine(_dir, "harvested")}
              mapping-store: {mappingStore}
            """);
        return config;
    }

    [Fact]
    public async Task A_mapping_store_inside_the_golden_set_is_refused_with_exit_2_and_nothing_is_written()
    {
        var goldenSet = Path.Combine(_dir, "golden-set");
        Directory.CreateDirectory(goldenSet);
        var store = Path.Combine(goldenSet, "harvested", "mapping.db");

        var result = await CliProcess.RunInAsync(_dir, Key, "harvest", "--config", Config(store, goldenSet));

        Assert.True(result.ExitCode == 2, result.All);
        Assert.Contains("may not live inside the golden set", result.Stderr);
        Assert.Contains("mapping.db", result.Stderr);
        Assert.DoesNotContain("   at ", result.All);
        Assert.False(File.Exists(store));
        Assert.False(Directory.Exists(Path.Combine(_dir, "harvested")));
    }

    [Fact]
    public async Task Ephemeral_key_ignores_a_key_in_the_environment_and_writes_no_mapping_store()
    {
        // With the key set, --ephemeral-key used to run on the real key: the mapping store was written, and where it was
        // written was never checked. Now it means what it says: a throwaway key, no store.
        var goldenSet = Path.Combine(_dir, "golden-set");
        Directory.CreateDirectory(goldenSet);
        var store = Path.Combine(goldenSet, "mapping.db");

        var result = await CliProcess.RunInAsync(_dir, Key, "harvest", "--config", Config(store, goldenSet), "--ephemeral-key");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("no mapping store (ephemeral key)", result.Stdout);
        Assert.False(File.Exists(store));
    }

    [Fact]
    public async Task A_mapping_store_in_a_repositorys_tracked_tree_is_refused_but_a_git_ignored_one_is_accepted()
    {
        var repo = Path.Combine(_dir, "repo");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q");
        File.WriteAllText(Path.Combine(repo, ".gitignore"), ".agentops/\n");

        var tracked = await CliProcess.RunInAsync(_dir, Key, "harvest", "--config", Config(Path.Combine(repo, "data", "mapping.db")));
        Assert.True(tracked.ExitCode == 2, tracked.All);
        Assert.Contains("may not live in the repository's tracked tree", tracked.Stderr);
        Assert.DoesNotContain("   at ", tracked.All);
        Assert.False(File.Exists(Path.Combine(repo, "data", "mapping.db")));

        // The same repository, the ignored .agentops/ folder: this is where the store belongs, so it must work.
        var ignored = Path.Combine(repo, ".agentops", "mapping.db");
        var accepted = await CliProcess.RunInAsync(_dir, Key, "harvest", "--config", Config(ignored));
        Assert.True(accepted.ExitCode == 0, accepted.All);
        Assert.True(File.Exists(ignored));
    }

    [Fact]
    public async Task Reidentify_of_an_unknown_case_exits_2_and_a_known_one_prints_its_originals()
    {
        var store = Path.Combine(_dir, "mapping.db");
        var config = Config(store);
        var harvest = await CliProcess.RunInAsync(_dir, Key, "harvest", "--config", config);
        Assert.True(harvest.ExitCode == 0, harvest.All);

        var unknown = await CliProcess.RunInAsync(_dir, Key, "harvest", "--config", config, "--reidentify", "harvested-0000000000");
        Assert.True(unknown.ExitCode == 2, unknown.All);
        Assert.Contains("no case 'harvested-0000000000' in this mapping store", unknown.Stderr);
        Assert.DoesNotContain("   at ", unknown.All);

        // Control: a case harvest did write (and that holds an anonymized value) re-identifies with exit 0.
        var withValues = Directory.GetFiles(Path.Combine(_dir, "harvested"), "*.yaml")
            .Select(Path.GetFileNameWithoutExtension).Where(id => id is not null).Cast<string>().ToList();
        Assert.NotEmpty(withValues);
        var results = new List<CliProcess.Result>();
        foreach (var id in withValues) results.Add(await CliProcess.RunInAsync(_dir, Key, "harvest", "--config", config, "--reidentify", id));
        Assert.Contains(results, r => r.ExitCode == 0 && r.Stdout.Contains("original"));
    }

    private static void Git(string folder, params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
