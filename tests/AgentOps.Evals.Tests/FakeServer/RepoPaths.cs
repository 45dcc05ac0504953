namespace AgentOps.Evals.Tests.FakeServer;

/// <summary>Files of the repository the tests read (prompts, rules, golden set), found from the test binary upwards.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string RulesFile => Path.Combine(Root, "fixtures", "fake-agent", "rules.yaml");

    public static string GoldenSet => Path.Combine(Root, "golden-set");

    public static string Prompt(string version) => Path.Combine(Root, "prompts", $"support.{version}.md");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AgentOps.Evals.sln"))) return dir.FullName;
        throw new InvalidOperationException("AgentOps.Evals.sln not found above " + AppContext.BaseDirectory);
    }
}
