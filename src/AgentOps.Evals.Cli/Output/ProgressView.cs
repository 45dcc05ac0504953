using System.Diagnostics;
using AgentOps.Evals.Application;
using AgentOps.Evals.Running;
using Spectre.Console;

namespace AgentOps.Evals.Cli.Output;

/// <summary>Shows a run's progress (a live bar on a terminal, a plain line every few seconds in CI or when redirected) and the cassettes it wrote.</summary>
internal sealed class ProgressView : IRunObserver
{
    public static readonly ProgressView Instance = new();

    /// <summary>True when a live bar makes sense: an interactive terminal and not CI.</summary>
    public static bool Interactive =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null && AnsiConsole.Profile.Capabilities.Interactive;

    public async Task<RunOutcome> WatchAsync(string label, Func<IProgress<RunProgress>?, Task<RunOutcome>> work)
    {
        if (!Interactive) return await work(new PlainLines(label)).ConfigureAwait(false);
        RunOutcome result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(label);
                var progress = new Progress<RunProgress>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                    task.Description = $"{label} {p.Done}/{p.Total} [green]{p.Passed} passed[/] [red]{p.Failed} failed[/] [yellow]{p.InfraErrors} infra[/]";
                });
                result = await work(progress).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result;
    }

    public void Recorded(int calls, string path, bool judge) => Console.Error.WriteLine($"recorded {calls} {(judge ? "judge " : "")}calls to {path}");

    /// <summary>One line at most every 5 seconds (and the last one), so CI logs stay readable.</summary>
    private sealed class PlainLines(string label) : IProgress<RunProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _lastTicks = -1;
        private int _lastDone = -1;

        public void Report(RunProgress value)
        {
            var now = _clock.ElapsedMilliseconds;
            var last = Interlocked.Read(ref _lastTicks);
            var final = value.Done >= value.Total;
            if (!final && last >= 0 && now - last < 5000) return;
            if (Interlocked.CompareExchange(ref _lastTicks, now, last) != last) return;
            if (final && Interlocked.Exchange(ref _lastDone, value.Done) == value.Done) return;
            var percent = value.Total == 0 ? 100 : 100 * value.Done / value.Total;
            Console.Error.WriteLine($"[{label}] {value.Done}/{value.Total} trials ({percent}%): {value.Passed} passed, {value.Failed} failed, {value.InfraErrors} infrastructure errors");
        }
    }
}
