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

    /// <summary>Writes the report as UTF-8 JSON to <paramref name="stream"/>.</summary>
    public static void Write(RunInfo run, IReadOnlyList<TrialResult> trials, Stream stream) =>
        JsonSerializer.Serialize(stream, Model(run, trials), s_options);

    /// <summary>Writes the report as JSON text to <paramref name="writer"/>.</summary>
    public static void Write(RunInfo run, IReadOnlyList<TrialResult> trials, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(JsonSerializer.Serialize(Model(run, trials), s_options));
    }

    private static object Model(RunInfo run, IReadOnlyList<TrialResult> trials)
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
        return report;
    }
}
