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
        Assert.Equal(20, report["inputs"]!.AsArray().Count);
        var all = report["slices"]!.AsArray().First(s => s!["slice"]!.GetValue<string>() == "all")!;
        Assert.Equal(6, all["judge"]!["losses"]!.GetValue<int>());   // next drops the card-number warning on the six contact-details inputs
        Assert.Equal(0, all["judge"]!["failed"]!.GetValue<int>());   // every judge call replayed from judge.jsonl
        var top = report["inputs"]!.AsArray()[0]!;
        Assert.Contains("share full card numbers", top["baseline"]!["outputs"]![0]!.GetValue<string>());

        // Both user turns were played live: the opening one made the lookup (answered from production's recorded result, no
        // error), and the compared answer is the reply to the second turn (the contact details), not to the first.
        Assert.Equal(2, top["userTurns"]!.GetValue<int>());
        Assert.Equal(2, top["messages"]!.AsArray().Count(m => m!["role"]!.GetValue<string>() == "user"));
        foreach (var side in new[] { "baseline", "candidate" })
            foreach (var trial in top[side]!["toolCalls"]!.AsArray())
            {
                var call = Assert.Single(trial!.AsArray())!;
                Assert.Equal("get_order_status", call["name"]!.GetValue<string>());
                Assert.Null(call["error"]);
            }
        Assert.Equal(0, top["unrecordedCalls"]!["candidateTrials"]!.GetValue<int>());
        Assert.DoesNotContain("I found order", top["candidate"]!["outputs"]![0]!.GetValue<string>());

        // The reference-free rubric: prod warns (5), next takes the card (1); shown per side and checked as a rule.
        Assert.Equal(5, top["rubric"]!["baseline"]!["mean"]!.GetValue<double>());
        Assert.Equal(1, top["rubric"]!["candidate"]!["mean"]!.GetValue<double>());
        Assert.True(report["rubric"]!["baselineMean"]!.GetValue<double>() > report["rubric"]!["candidateMean"]!.GetValue<double>());
        var rubricRule = all["rules"]!.AsArray().Single(r => r!["rule"]!.GetValue<string>() == "min-rubric-score-delta")!;
        Assert.Equal(-1.2, rubricRule["estimate"]!.GetValue<double>(), 6);   // six inputs at −4, fourteen at 0
        Assert.Equal(0, report["trialsReused"]!.GetValue<int>());
        Assert.StartsWith("shadow-", report["shadowId"]!.GetValue<string>());
        var page = File.ReadAllText(html);
        Assert.Contains("Most divergent inputs", page);
        Assert.Contains("Rubric score (1-5, mean over inputs)", page);
        Assert.DoesNotContain("<script", page);
    }
}
