using System.Text.Json;
using System.Text.Json.Serialization;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Reporting;

/// <summary>A stored run as JSON: identity, per-suite summary and every trial with its assertions (schemaVersion 1).</summary>
public static class RunJsonReport
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void Write(RunInfo run, IReadOnlyList<TrialResult> trials, Stream stream)
    {
        var report = new
        {
            schemaVersion = 1,
            kind = "run",
            run = new { run.RunId, run.Status, run.K, run.GoldenSetRevision, run.StartedAt, run.FinishedAt, run.Filter, run.Shard, run.GitCommit, run.GitBranch },
            candidate = run.Candidate,
            suites = SuiteSummary.Summarize(run, trials),
            cases = run.Cases.Select(c => new
            {
                c.Id,
                c.Suite,
                c.Severity,
                c.Tags,
                c.File,
                trials = trials.Where(t => t.CaseId == c.Id).OrderBy(t => t.TrialIndex).Select(t => new
                {
                    t.TrialIndex,
                    t.Outcome,
                    t.Output,
                    t.LatencyMs,
                    t.FinishReason,
                    t.Usage,
                    t.Error,
                    t.ErrorKind,
                    t.Assertions,
                    toolCalls = t.Trajectory.ToolCalls,
                }),
            }),
        };
        JsonSerializer.Serialize(stream, report, s_options);
    }
}
