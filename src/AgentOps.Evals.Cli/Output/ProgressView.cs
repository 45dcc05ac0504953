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
        if (!Interactive) return await work(new RunProgressLines(label, Console.Error)).ConfigureAwait(false);
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
}
