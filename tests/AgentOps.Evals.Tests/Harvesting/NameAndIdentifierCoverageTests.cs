using System.Text.Json.Nodes;
using AgentOps.Evals.Harvesting;
using AgentOps.Evals.Harvesting.Anonymization;

namespace AgentOps.Evals.Tests.Harvesting;

/// <summary>
/// Issue 13, session-4 coverage at unit level: names the older cue and lexicon rules missed (a German self-introduction,
/// a Korean hyphenated given name, an all-lower-case name), and the identifier rule that tool names and JSON keys must be
/// made of common words ("kwame_rautio" is pseudonymized, "lookup_order" and "order_id" are kept).
/// </summary>
public sealed class NameAndIdentifierCoverageTests
{
    private static readonly byte[] Key = Enumerable.Range(3, 32).Select(i => (byte)i).ToArray();

    [Theory]
    [InlineData("Ich bin Olivia Turner und meine Bestellung fehlt.", "Olivia Turner")]
    [InlineData("Hi, Hye-jin Park here, the parcel came damaged.", "Hye-jin Park")]
    [InlineData("hiya this is kwame rautio, order NW-2211-KA pls help", "kwame rautio")]
    [InlineData("my name is kwame rautio and the parcel is late", "kwame rautio")]
    public void The_name_is_detected_and_replaced(string text, string name)
    {
        var spans = PiiDetectors.Detect(text);
        Assert.Contains(spans, s => s.Type == PiiType.PersonName && text[s.Start..s.End].Contains(name.Split(' ')[^1], StringComparison.Ordinal));

        var anonymized = new CaseAnonymizer(Key, new Pseudonymizer(Key)).Anonymize(text);
        foreach (var token in name.Split(' ', '-').Where(t => t.Length >= 3))
            Assert.DoesNotContain(token, anonymized, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Scan_reports_the_names_as_findings()
    {
        var findings = PiiScanner.ScanText("case.yaml", "input: Ich bin Olivia Turner\nnote: Hye-jin Park called\nsigned: kwame rautio\n");

        Assert.Equal([1, 2, 3], findings.Where(f => f.Type == PiiType.PersonName).Select(f => f.Line).Distinct().Order());
    }

    [Theory]
    [InlineData("kwame_rautio", false)]
    [InlineData("sendToOliviaTurner", false)]
    [InlineData("lookup_order", true)]
    [InlineData("order_id", true)]
    [InlineData("getShipmentStatus_v2", true)]
    public void A_tool_name_is_kept_only_when_made_of_common_words(string name, bool kept) =>
        Assert.Equal(kept, AllowListedKinds.IsToolName(name));

    [Fact]
    public void A_json_key_that_is_a_name_becomes_a_pseudonym_while_order_id_survives()
    {
        var anonymizer = new CaseAnonymizer(Key, new Pseudonymizer(Key));
        var node = JsonNode.Parse("{\"order_id\":\"A-1001\",\"kwame_rautio\":true,\"lookup_order\":{\"status\":\"shipped\"}}");

        var result = (JsonObject)anonymizer.Anonymize(node)!;

        Assert.Equal("A-1001", (string?)result["order_id"]);
        Assert.NotNull(result["lookup_order"]);
        Assert.DoesNotContain("kwame_rautio", result.Select(p => p.Key));
        Assert.Contains(result, p => p.Key.StartsWith("anon-", StringComparison.Ordinal) && p.Value!.GetValue<bool>());
        Assert.Contains(anonymizer.Replacements, r => r.Kind == "json-key" && r.Original == "kwame_rautio");
    }
}
