using AgentOps.Evals.Gating;
using AgentOps.Evals.Tests.Html;
using Microsoft.Playwright;

namespace AgentOps.Evals.Browser;

/// <summary>Opens the sample gate's HTML report from disk in Debian's headless chromium, as a reviewer would.</summary>
public sealed class GateReportBrowserTests
{
    /// <summary>The system chromium (installed by .ci/run with apt-get); AGENTOPS_CHROMIUM points elsewhere.</summary>
    private static readonly string Chromium = Environment.GetEnvironmentVariable("AGENTOPS_CHROMIUM") ?? "/usr/bin/chromium";

    public static string OutputFolder { get; } = Path.Combine(AppContext.BaseDirectory, "browser-output");

    [SkippableFact]
    public async Task The_sample_gate_report_shows_its_verdict_filters_to_failures_and_opens_a_cases_trials()
    {
        Skip.IfNot(File.Exists(Chromium), $"chromium not found at {Chromium}: install it with `apt-get install -y chromium` (.ci/run does) or set AGENTOPS_CHROMIUM");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        var sample = await SampleGate.Get();
        Directory.CreateDirectory(OutputFolder);
        var report = sample.RenderFile(Path.Combine(OutputFolder, "sample-gate.html"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var consoleErrors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        page.PageError += (_, error) => consoleErrors.Add(error);
        page.Request += (_, request) => requests.Add(request.Url);

        var url = new Uri(report).AbsoluteUri;
        await page.GotoAsync(url);

        // The verdict, as the gate decided it.
        var outcome = sample.Verdict.Outcome.ToString().ToUpperInvariant();
        Assert.Equal($"Gate {outcome}", (await page.Locator("#verdict").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#verdict").IsVisibleAsync());

        // Each slice the gate failed is shown, marked failed.
        var failedSlices = sample.Verdict.Slices.Where(s => s.Outcome == GateOutcome.Fail).Select(s => s.Name).ToList();
        Assert.NotEmpty(failedSlices);
        foreach (var slice in failedSlices)
        {
            var row = page.Locator($"#slices tr.fail[data-slice=\"{slice}\"]");
            Assert.True(await row.IsVisibleAsync(), slice);
            Assert.Contains("fail", await row.InnerTextAsync());
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(OutputFolder, "sample-gate-verdict.png") });

        // Failed only: exactly the cases with a failing candidate trial stay.
        var all = await page.Locator("details.case").CountAsync();
        await page.Locator("#filter-failed").CheckAsync();
        var visible = page.Locator("details.case:not([hidden])");
        var failing = sample.CandidateTrials.Where(t => t.Outcome != Running.TrialOutcome.Passed).Select(t => t.CaseId).Distinct().Count();
        Assert.True(failing > 0 && failing < all, $"{failing} failing of {all}");
        Assert.Equal(failing, await visible.CountAsync());
        Assert.Equal($"{failing} of {all} cases shown", await page.Locator("#shown-count").InnerTextAsync());

        // Open the first failing case: its trials, both sides, with outputs and reasons.
        var first = visible.First;
        var caseId = await first.GetAttributeAsync("data-id");
        await first.Locator("summary").ClickAsync();
        var trials = first.Locator(".trial");
        Assert.True(await trials.First.IsVisibleAsync());
        var expectedTrials = sample.CandidateTrials.Count(t => t.CaseId == caseId) + sample.BaselineTrials.Count(t => t.CaseId == caseId);
        Assert.Equal(expectedTrials, await trials.CountAsync());
        Assert.True(await first.Locator(".trials[data-role=candidate] .trial.failed, .trials[data-role=candidate] .trial.infraerror").First.IsVisibleAsync());
        Assert.True(await first.Locator("ul.assertions li").First.IsVisibleAsync());

        var screenshot = Path.Combine(OutputFolder, "sample-gate-case.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
        Assert.True(new FileInfo(screenshot).Length > 10_000);

        // Search narrows to one case by id.
        await page.Locator("#filter-failed").UncheckAsync();
        await page.Locator("#search").FillAsync(caseId!);
        Assert.True(await page.Locator("details.case:not([hidden])").CountAsync() >= 1);
        Assert.All(await page.Locator("details.case:not([hidden])").AllInnerTextsAsync(), text => Assert.Contains(caseId!, text));

        Assert.Empty(consoleErrors);
        Assert.Equal([url], requests);
    }
}
