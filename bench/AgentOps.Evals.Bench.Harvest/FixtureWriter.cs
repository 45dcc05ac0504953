using AgentOps.Evals.Tests.Harvesting;

namespace AgentOps.Evals.Bench.Harvest;

/// <summary>Writes the small committed sample inputs (fixtures/traces, fixtures/feedback) the demo harvest reads.</summary>
internal static class FixtureWriter
{
    public static int Run(string[] args)
    {
        var root = args.FirstOrDefault() ?? "fixtures";
        var temp = Path.Combine(Path.GetTempPath(), "agentops-fixtures-" + Guid.NewGuid().ToString("N"));
        var set = SyntheticTraces.Write(temp, sessions: 25, seed: 2026, badLines: true);
        Directory.CreateDirectory(Path.Combine(root, "traces"));
        Directory.CreateDirectory(Path.Combine(root, "feedback"));
        File.Copy(set.TracesFile, Path.Combine(root, "traces", "support-agent.traces.json"), overwrite: true);
        File.Copy(set.LogsFile, Path.Combine(root, "traces", "support-agent.logs.json"), overwrite: true);
        File.Copy(set.FeedbackFile, Path.Combine(root, "feedback", "feedback.jsonl"), overwrite: true);
        Directory.Delete(temp, recursive: true);
        Console.WriteLine($"wrote {set.Sessions} sessions under {root}/traces and {root}/feedback");
        return 0;
    }
}
