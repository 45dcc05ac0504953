using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Cli.Output;

/// <summary>Prints bad-input problems the way compilers do: one per line, file:line:column first.</summary>
internal static class ProblemPrinter
{
    public static void Print(IReadOnlyList<Problem> problems)
    {
        foreach (var problem in problems) Console.Error.WriteLine("error: " + problem);
        Console.Error.WriteLine($"{problems.Count} problem{(problems.Count == 1 ? "" : "s")} found.");
    }
}
