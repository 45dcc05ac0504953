using System.Text.Json.Nodes;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Shadowing;

/// <summary>The README's offline shadow: the committed shadow set (fixtures/shadow) replayed from cassettes for prod, next and the judge.</summary>
public sealed class ShadowCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shadow-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Shadow_prod_vs_next_replays_offline_and_fails_on_the_divergent_card_warning()
    {
        var json = Path.Combine(_dir, "shadow.json");
        var html = Path.Combine(_dir, "shadow.html");
        var result = await CliProcess.RunAsync("shadow", "--baseline", "prod", "--candidate", "next", "--store", Path.Combine(_dir, "r.db"), "--json", json, "--html", html);
        Assert.True(result.ExitCode == 1, result.All);
        var report = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal("fail", report["outcome"]!.GetValue<string>());
        Assert.Equal(12, report["inputs"]!.AsArray().Count);
        var all = report["slices"]!.AsArray().First(s => s!["slice"]!.GetValue<string>() == "all")!;
        Assert.Equal(3, all["judge"]!["losses"]!.GetValue<int>());   // next drops the card-number warning on the three contact-details inputs
        Assert.Equal(0, all["judge"]!["failed"]!.GetValue<int>());   // every judge call replayed from judge.jsonl
        var top = report["inputs"]!.AsArray()[0]!;
        Assert.Contains("share full card numbers", top["baseline"]!["outputs"]![0]!.GetValue<string>());
        var page = File.ReadAllText(html);
        Assert.Contains("Most divergent inputs", page);
        Assert.DoesNotContain("<script", page);
    }
}
