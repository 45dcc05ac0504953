using System.Text;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Harvesting.Shadowing;
using AgentOps.Evals.Shadowing;

namespace AgentOps.Evals.Tests.Shadowing;

/// <summary>Locale from the trace (attribute, else the opening message's language) and stratification that keeps small groups.</summary>
public sealed class ShadowLocaleTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "shadow-locale-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static readonly string[] English = ["Where is my order ORD-2026-{0}? It has not arrived yet.", "Can you tell me when my order ORD-2026-{0} will ship?", "My order ORD-2026-{0} is late, what is going on?"];

    /// <summary>
    /// 40 sessions over three tiers: 38 in English, 2 in French (5%): one says so in a <c>user.locale</c> attribute, the other
    /// only in its text. Sampling 10 at random would miss both more often than not (C(38,10)/C(40,10) ≈ 0.56).
    /// </summary>
    private string WriteTraces()
    {
        Directory.CreateDirectory(_dir);
        var lines = new StringBuilder();
        var tiers = new[] { "free", "pro", "enterprise" };
        for (var i = 0; i < 40; i++)
        {
            var order = (100000 + i * 7919).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (text, locale) = i switch
            {
                17 => ($"Bonjour, où est ma commande ORD-2026-{order} ? Je ne la trouve pas et je voudrais un remboursement.", "fr-FR"),
                31 => ($"Bonjour, je voudrais savoir où est ma commande ORD-2026-{order}, elle n'est pas arrivée.", null),
                _ => (string.Format(System.Globalization.CultureInfo.InvariantCulture, English[i % 3], order), (string?)null),
            };
            lines.AppendLine(Trace(i, tiers[i % 3], locale, text));
        }
        var path = Path.Combine(_dir, "traces.json");
        File.WriteAllText(path, lines.ToString());
        return path;
    }

    private static string Trace(int i, string tier, string? locale, string user)
    {
        var traceId = i.ToString("x32");
        var start = 1782637200000000000UL + (ulong)i * 60_000_000_000UL;
        JsonObject Attr(string key, string value) => new() { ["key"] = key, ["value"] = new JsonObject { ["stringValue"] = value } };
        var root = new JsonArray(Attr("gen_ai.conversation.id", $"sess-{i}"), Attr("customer.tier", tier));
        if (locale is not null) root.Add(Attr("user.locale", locale));
        var input = new JsonArray(new JsonObject { ["role"] = "user", ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = user }) }).ToJsonString();
        var output = new JsonArray(new JsonObject { ["role"] = "assistant", ["parts"] = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = "Let me check." }) }).ToJsonString();
        var chat = new JsonArray(Attr("gen_ai.operation.name", "chat"), Attr("gen_ai.request.model", "gpt-4.1-mini"), Attr("gen_ai.input.messages", input), Attr("gen_ai.output.messages", output));
        JsonObject Span(string id, string name, ulong from, JsonArray attributes) => new()
        {
            ["traceId"] = traceId, ["spanId"] = id, ["name"] = name, ["kind"] = 1,
            ["startTimeUnixNano"] = from.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["endTimeUnixNano"] = (from + 2_000_000_000UL).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["attributes"] = attributes, ["status"] = new JsonObject(),
        };
        return new JsonObject
        {
            ["resourceSpans"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attr("service.name", "support-agent")) },
                ["scopeSpans"] = new JsonArray(new JsonObject
                {
                    ["scope"] = new JsonObject { ["name"] = "support-agent" },
                    ["spans"] = new JsonArray(Span("a000000000000001", "support.conversation", start, root), Span("a000000000000002", "chat gpt-4.1-mini", start + 1_000_000_000UL, chat)),
                }),
            }),
        }.ToJsonString();
    }

    private ShadowSampleSummary Sample(string traces, int n, int seed) => ShadowSampler.Sample(new ShadowSampleRequest
    {
        Traces = [traces],
        Out = Path.Combine(_dir, "out"),
        Sample = n,
        Slices = ["tier", "locale"],
        Key = Enumerable.Repeat((byte)3, 32).ToArray(),
        Seed = seed,
    }, CancellationToken.None);

    private List<ShadowInput> Written() =>
        GoldenSetLoader.Load(Path.Combine(_dir, "out"), AgentOps.Evals.Evaluation.EvaluatorRegistry.CreateDefault(), new AgentOps.Evals.Config.RunOptions()).Cases.Select(ShadowEvidence.Read).ToList();

    [Fact]
    public void A_5_percent_locale_group_is_in_every_sample_of_10_and_every_tier_too()
    {
        var traces = WriteTraces();
        foreach (var seed in new[] { 1, 2, 3, 17, 42 })
        {
            var summary = Sample(traces, 10, seed);
            Assert.Equal((2, 2), summary.Values["locale:fr"]);           // both French sessions: the attribute one and the detected one
            Assert.Equal((38, 8), summary.Values["locale:en"]);
            var inputs = Written();
            Assert.Equal(10, inputs.Count);
            Assert.Equal(2, inputs.Count(i => i.Slices["locale"] == "fr"));
            Assert.Equal(3, inputs.Select(i => i.Slices["tier"]).Distinct().Count());
            Assert.Contains(inputs, i => i.Case.Tags.Contains("locale:fr"));
        }
    }

    [Fact]
    public void A_sample_too_small_for_every_stratum_still_covers_each_locale_and_tier_value()
    {
        var summary = Sample(WriteTraces(), 3, 5);
        var inputs = Written();
        Assert.Equal(3, inputs.Count);
        Assert.Contains(inputs, i => i.Slices["locale"] == "fr");
        Assert.Equal(3, inputs.Select(i => i.Slices["tier"]).Distinct().Count());   // 3 picks cover 3 tiers and 2 locales
        Assert.Empty(summary.MissingAttributes);
    }

    [Theory]
    [InlineData("de-DE", "de")]
    [InlineData("fr_CA", "fr")]
    [InlineData("EN", "en")]
    [InlineData("en-US,en;q=0.9", "en")]
    [InlineData("some free text", "other")]
    public void A_locale_attribute_becomes_its_language_code(string attribute, string expected) =>
        Assert.Equal(expected, ShadowStrataSink.Language(attribute));

    [Fact]
    public void Stratified_selection_keeps_each_value_of_each_attribute_before_sharing_the_rest()
    {
        // 100 items: locale de is 3 of them, all in tier pro; tier enterprise is 4, all English.
        var items = Enumerable.Range(0, 100).Select(i => (Tier: i < 4 ? "enterprise" : i % 2 == 0 ? "pro" : "free", Locale: i is 10 or 12 or 14 ? "de" : "en")).ToList();
        for (var seed = 0; seed < 20; seed++)
        {
            var picked = StratifiedSample.Select(items, x => [$"tier:{x.Tier}", $"locale:{x.Locale}"], 5, seed);
            Assert.Equal(5, picked.Count);
            Assert.Contains(picked, x => x.Locale == "de");
            Assert.Contains(picked, x => x.Tier == "enterprise");
            Assert.Equal(3, picked.Select(x => x.Tier).Distinct().Count());
        }
    }
}
