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
        Assert.Contains("locale", summary.MissingAttributes);
        var loaded = AgentOps.Evals.Cases.GoldenSetLoader.Load(_out, AgentOps.Evals.Evaluation.EvaluatorRegistry.CreateDefault(), new AgentOps.Evals.Config.RunOptions()).Cases.Select(ShadowEvidence.Read).ToList();
        Assert.Equal(3, loaded.Count);
        Assert.All(loaded, i => Assert.NotNull(i.Production));
        Assert.Equal(3, loaded.Select(i => i.Slices["tier"]).Distinct().Count());
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+\.[\w.]+|\b(?:\d[ -]?){13,16}\b|\(\d{3}\) \d{3}-\d{4}")]
    private static partial Regex Pii();
}
