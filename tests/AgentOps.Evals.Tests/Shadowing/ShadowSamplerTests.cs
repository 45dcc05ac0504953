using System.Text.RegularExpressions;
using AgentOps.Evals.Harvesting.Shadowing;
using AgentOps.Evals.Shadowing;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Shadowing;

public sealed partial class ShadowSamplerTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "shadow-sample-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private ShadowSampleSummary Sample(int n, byte key = 7) => ShadowSampler.Sample(new ShadowSampleRequest
    {
        Traces = [Path.Combine(RepoPaths.Root, "fixtures", "traces", "*.json")],
        Out = _out,
        Sample = n,
        Slices = ["tier", "locale"],
        Key = Enumerable.Repeat(key, 32).ToArray(),
    }, CancellationToken.None);

    [Fact]
    public void Sampled_inputs_carry_no_email_phone_or_card_number_from_the_traces()
    {
        var summary = Sample(25);
        var raw = string.Join("\n", Directory.GetFiles(Path.Combine(RepoPaths.Root, "fixtures", "traces")).Select(File.ReadAllText));
        var originals = Pii().Matches(raw).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(originals);
        var written = string.Join("\n", summary.Written.Select(File.ReadAllText));
        Assert.NotEmpty(summary.Written);
        foreach (var original in originals) Assert.DoesNotContain(original, written);
        // The production answer and the input went through the same anonymizer: every fake is declared for `scan`.
        Assert.Contains("synthetic:", written);
    }

    [Fact]
    public void Each_tier_keeps_sessions_in_a_small_sample_and_the_production_answer_is_kept()
    {
        var summary = Sample(3);
        Assert.Equal(3, summary.Strata.Values.Sum(s => s.Sampled));
        Assert.All(summary.Strata.Values, s => Assert.Equal(1, s.Sampled));   // three tiers, one each, although free and pro are larger
        Assert.DoesNotContain("locale", summary.MissingAttributes);   // no locale attribute in these traces: detected from the text
        var loaded = AgentOps.Evals.Cases.GoldenSetLoader.Load(_out, AgentOps.Evals.Evaluation.EvaluatorRegistry.CreateDefault(), new AgentOps.Evals.Config.RunOptions()).Cases.Select(ShadowEvidence.Read).ToList();
        Assert.Equal(3, loaded.Count);
        Assert.All(loaded, i => Assert.NotNull(i.Production));
        Assert.Equal(3, loaded.Select(i => i.Slices["tier"]).Distinct().Count());
        Assert.All(loaded, i => Assert.Equal("en", i.Slices["locale"]));
    }

    [Fact]
    public void A_multi_turn_session_becomes_its_user_turns_in_order_with_production_replies_left_out()
    {
        Sample(25);
        var loaded = AgentOps.Evals.Cases.GoldenSetLoader.Load(_out, AgentOps.Evals.Evaluation.EvaluatorRegistry.CreateDefault(), new AgentOps.Evals.Config.RunOptions()).Cases.Select(ShadowEvidence.Read).ToList();
        var multi = loaded.Where(i => i.EarlierUserTurns > 0).ToList();
        Assert.NotEmpty(multi);
        foreach (var input in multi)
        {
            // The opening message, then one scripted turn per later user message; production's replies ("Let me look that up.") are not history.
            Assert.Equal(["user"], input.Case.Input.Messages.Select(m => m.Role));
            Assert.Equal(input.EarlierUserTurns, input.Case.Input.Turns.Count);
            Assert.True(input.Case.Input.IsConversation);
            Assert.Equal(input.Case.Input.Turns[^1].User, input.Conversation[^1].Content);
            // Every tool production called is either answered from its recorded result or listed as unrecorded (a marked error).
            foreach (var call in input.Production!.ToolCalls)
                Assert.True(input.HasRecordedResult(call.Name) ^ input.UnrecordedTools.Contains(call.Name), call.Name);
        }
        // The order lookup production made is kept with its recorded result, and production's call is kept for comparison.
        Assert.Contains(multi, i => i.HasRecordedResult("get_order_status") && i.Production!.ToolCalls.Any(c => c.Name == "get_order_status")
            && i.Case.Input.Tools.Any(t => t.Name == "get_order_status" && t.Returns is not null && t.Error is null));
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+|\b(?:\d[ -]?){13,16}\b|\(\d{3}\) \d{3}-\d{4}")]
    private static partial Regex Pii();
}
