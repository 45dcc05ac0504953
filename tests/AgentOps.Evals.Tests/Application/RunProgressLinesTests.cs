using AgentOps.Evals.Application;
using AgentOps.Evals.Running;
using Microsoft.Extensions.Time.Testing;

namespace AgentOps.Evals.Tests.Application;

/// <summary>Progress in a CI log: the first update, then at most one line per interval, and always the last one (once).</summary>
public sealed class RunProgressLinesTests
{
    [Fact]
    public void Writes_the_first_update_then_one_per_interval_and_the_final_one_once()
    {
        var time = new FakeTimeProvider();
        var log = new StringWriter();
        var lines = new RunProgressLines("prod", log, TimeSpan.FromSeconds(5), time);

        lines.Report(new RunProgress(10, 1, 1, 0, 0, 0));   // first: written
        time.Advance(TimeSpan.FromSeconds(1));
        lines.Report(new RunProgress(10, 2, 2, 0, 0, 0));   // within 5 s: not written
        time.Advance(TimeSpan.FromSeconds(5));
        lines.Report(new RunProgress(10, 3, 2, 1, 0, 0));   // after 5 s: written
        lines.Report(new RunProgress(10, 10, 8, 1, 1, 0));  // final: written although within 5 s
        lines.Report(new RunProgress(10, 10, 8, 1, 1, 0));  // the same final again: not repeated

        var written = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            ["[prod] 1/10 trials (10%): 1 passed, 0 failed, 0 infrastructure errors",
             "[prod] 3/10 trials (30%): 2 passed, 1 failed, 0 infrastructure errors",
             "[prod] 10/10 trials (100%): 8 passed, 1 failed, 1 infrastructure errors"],
            written.Select(l => l.TrimEnd('\r')));
    }
}
