using System.Runtime.CompilerServices;

namespace AgentOps.Evals.Tests.Cases;

/// <summary>Finds the repository (the folder with AgentOps.Evals.sln) and the test data beside this file.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string CaseSchema => Path.Combine(Root, "golden-set", "case.schema.json");

    public static string TestData => Path.Combine(Root, "tests", "AgentOps.Evals.Tests", "Cases", "TestData");

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        // From the test binaries upwards first; the source file's folder covers builds placed outside the repo.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "AgentOps.Evals.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("AgentOps.Evals.sln not found above " + AppContext.BaseDirectory);
    }
}
