using System.Diagnostics;
using System.Text;
using System.Text.Json;
using AgentOps.Evals.Harvesting;
using AgentOps.Evals.Tests.Harvesting;
using Bogus;

namespace AgentOps.Evals.Bench.Harvest;

/// <summary>
/// Generates an OTLP file of the requested size (default 1 GB, under bench/out, never committed), runs the whole
/// harvest over it (two streaming passes, flag, dedupe, anonymize, write) and reports MB/s per core and peak RSS.
/// </summary>
internal static class ThroughputBench
{
    public static int Run(string[] args)
    {
        var megabytes = int.Parse(Option(args, "--mb") ?? "1024", System.Globalization.CultureInfo.InvariantCulture);
        var outDir = Option(args, "--out") ?? "bench/out/harvest-throughput";
        Directory.CreateDirectory(outDir);
        var traces = Path.Combine(outDir, "traces.json");
        var logs = Path.Combine(outDir, "logs.json");
        var feedback = Path.Combine(outDir, "feedback.jsonl");
        if (args.Contains("--generate-only"))
        {
            if (!File.Exists(traces) || new FileInfo(traces).Length < megabytes * 1024L * 1024 * 0.9)
                Generate(traces, logs, feedback, megabytes * 1024L * 1024);
            return 0;
        }
        var bytes = new FileInfo(traces).Length + new FileInfo(logs).Length;

        // --key HEX: a fixed key, so two builds' outputs can be diffed (cases, triage) to show a change kept behaviour.
        var keyHex = Option(args, "--key");
        var cases = Option(args, "--cases") ?? Path.Combine(outDir, "cases");
        if (Directory.Exists(cases)) Directory.Delete(cases, recursive: true);
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var summary = new HarvestJob().RunAsync(new HarvestRequest
        {
            Traces = [traces, logs],
            Feedback = [feedback],
            Out = cases,
            Key = keyHex is null ? null : Convert.FromHexString(keyHex),
            EphemeralKey = keyHex is null,
            MappingStore = Path.Combine(cases, "mapping.db"),
            Time = new FixedTime(new DateTimeOffset(2026, 7, 1, 2, 0, 0, TimeSpan.Zero)),
            Limit = 50,
        }, CancellationToken.None).GetAwaiter().GetResult();
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var mb = bytes / 1024.0 / 1024.0;
        var result = new
        {
            inputMb = Math.Round(mb, 1),
            wallSeconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
            cpuSeconds = Math.Round(cpu, 2),
            mbPerSecondWall = Math.Round(mb / clock.Elapsed.TotalSeconds, 1),
            mbPerSecondPerCore = Math.Round(mb / cpu, 1),
            peakRssMb = Math.Round(process.PeakWorkingSet64 / 1024.0 / 1024.0, 1),
            gcPauseSeconds = Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 2),
            gcCollections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
            allocatedMb = Math.Round(GC.GetTotalAllocatedBytes() / 1024.0 / 1024.0),
            spans = summary.Spans,
            sessions = summary.SessionsRead,
            flagged = summary.FlaggedByFlag,
            casesWritten = summary.CasesWritten.Count,
            duplicatesCollapsed = summary.DuplicatesCollapsed,
            skipped = summary.Skipped.Count,
        };
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
        Console.WriteLine(json);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(outDir) ?? ".", "harvest-throughput.json"), json);
        return 0;
    }

    /// <summary>Writes sessions from a pool of generated ones, each copy under fresh trace and session ids, until the size is reached.</summary>
    private static void Generate(string traces, string logs, string feedback, long target)
    {
        var faker = new Faker("en") { Random = new Randomizer(11) };
        // Production-like flag rate: 8 sessions in 100 carry a flag (2 each of thumbs-down, max-tokens, tool errors, guardrail).
        var pool = Enumerable.Range(0, 500).Select(i => SyntheticTraces.Session(faker, i, new DateTimeOffset(2026, 6, 28, 0, 0, 0, TimeSpan.Zero).AddMinutes(i), i % 100 < 8 ? i % 4 : 4)).ToList();
        using var t = new StreamWriter(traces, false, new UTF8Encoding(false), 1 << 20);
        using var l = new StreamWriter(logs, false, new UTF8Encoding(false), 1 << 20);
        using var f = new StreamWriter(feedback, false, new UTF8Encoding(false), 1 << 20);
        long written = 0;
        for (var copy = 0; written < target; copy++)
        {
            foreach (var session in pool)
            {
                var suffix = copy.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
                foreach (var line in session.TraceLines.Concat(session.LogLines))
                {
                    var renamed = Rename(line, suffix);
                    (session.LogLines.Contains(line) ? l : t).WriteLine(renamed);
                    written += renamed.Length + 1;
                }
                if (session.Feedback is { } fb && copy % 10 == 0) f.WriteLine(Rename(fb, suffix));
                if (written >= target) break;
            }
        }
    }

    /// <summary>Fresh ids per copy: the trace id's last 8 hex digits and the session id's suffix.</summary>
    private static string Rename(string line, string suffix)
    {
        var builder = new StringBuilder(line);
        var text = line;
        var index = 0;
        while ((index = text.IndexOf("\"traceId\":\"", index, StringComparison.Ordinal)) >= 0)
        {
            index += "\"traceId\":\"".Length;
            for (var i = 0; i < 8; i++) builder[index + 24 + i] = suffix[i];
        }
        return builder.ToString().Replace("sess-", "sess-" + suffix, StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
