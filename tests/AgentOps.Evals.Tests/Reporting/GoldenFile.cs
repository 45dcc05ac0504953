using System.Runtime.CompilerServices;

namespace AgentOps.Evals.Tests.Reporting;

/// <summary>Compares output with a reviewed file under Golden/; set AGENTOPS_UPDATE_GOLDEN=1 to rewrite them (then review the diff by eye).</summary>
internal static class GoldenFile
{
    public static string PathOf(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, name);

    public static void AssertMatches(string name, string actual)
    {
        var path = PathOf(Path.Combine("Golden", name));
        if (Environment.GetEnvironmentVariable("AGENTOPS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; run with AGENTOPS_UPDATE_GOLDEN=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
