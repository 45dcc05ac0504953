using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// Anonymizes everything that goes into one case: known ids become pseudonyms, detected values become fakes or
/// numbered placeholders (<c>&lt;OPENAI_KEY_1&gt;</c>), the same value the same replacement throughout the case.
/// It remembers every replacement so the mapping store can reconnect the case and <c>scan</c> can tell fakes from leaks.
/// </summary>
internal sealed class CaseAnonymizer
{
    private readonly byte[] key;
    private readonly Pseudonymizer pseudonymizer;
    private readonly List<(string Original, string Pseudonym, string Kind)> knownIds = [];
    private readonly Dictionary<(PiiType, string), string> replacements = [];
    private readonly Dictionary<string, int> placeholderCounts = new(StringComparer.Ordinal);
    private readonly List<AnonymizedValue> made = [];
    private readonly NameParts nameParts = new();

    public CaseAnonymizer(byte[] key, Pseudonymizer pseudonymizer)
    {
        this.key = key;
        this.pseudonymizer = pseudonymizer;
    }

    /// <summary>Every replacement made so far, in order of first appearance.</summary>
    public IReadOnlyList<AnonymizedValue> Replacements => made;

    /// <summary>Registers an identifier (session, user, trace id) to replace wherever it appears; returns its pseudonym.</summary>
    public string AddIdentifier(string kind, string id)
    {
        var existing = knownIds.FirstOrDefault(k => k.Original == id);
        if (existing.Pseudonym is not null) return existing.Pseudonym;
        var pseudonym = pseudonymizer.Pseudonymize(id);
        knownIds.Add((id, pseudonym, kind));
        knownIds.Sort((a, b) => b.Original.Length.CompareTo(a.Original.Length));
        made.Add(new AnonymizedValue(kind, id, pseudonym));
        return pseudonym;
    }

    /// <summary>
    /// Runs the detectors over every text of the case once before any is written, so a name found late (a "Thanks Anna"
    /// reply) is already known where it appears earlier without a cue (a lower-case self-introduction).
    /// </summary>
    public void Learn(IEnumerable<string?> texts)
    {
        foreach (var text in texts)
            if (text is not null) Anonymize(text);
    }

    public string Anonymize(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        foreach (var (original, pseudonym, _) in knownIds)
        {
            if (original.Length >= 4 && text.Contains(original, StringComparison.Ordinal))
                text = text.Replace(original, pseudonym, StringComparison.Ordinal);
        }
        var spans = PiiDetectors.Detect(text);
        if (spans.Count == 0) return nameParts.Apply(text);
        var builder = new StringBuilder(text.Length + 16);
        var position = 0;
        foreach (var span in spans)
        {
            builder.Append(text, position, span.Start - position);
            builder.Append(Replace(span, text[span.Start..span.End]));
            position = span.End;
        }
        builder.Append(text, position, text.Length - position);
        return nameParts.Apply(builder.ToString());
    }

    /// <summary>
    /// A field of an allow-listed kind stays as it is (after the anonymizer finds nothing in it); any other value becomes a
    /// pseudonym of <paramref name="kind"/> as a whole: deny by default, since a detector can miss a name in a tier or tool name.
    /// </summary>
    public string Field(string value, Func<string, bool> allowListed, string kind) =>
        allowListed(value) && Anonymize(value) == value ? value : AddIdentifier(kind, value);

    /// <summary>Anonymizes every key and string (and number that reads as a card, phone or id) in a JSON tree.</summary>
    public JsonNode? Anonymize(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
            {
                var copy = new JsonObject();
                // Keys are data too: a tool result keyed by customer e-mail or name must not keep it.
                foreach (var (name, value) in obj)
                {
                    var key = Field(name, AllowListedKinds.IsToolName, "json-key");
                    if (!copy.ContainsKey(key)) copy[key] = Anonymize(value);
                }
                return copy;
            }
            case JsonArray array:
                return new JsonArray(array.Select(Anonymize).ToArray());
            default:
            {
                var kind = node.GetValueKind();
                if (kind == JsonValueKind.String) return JsonValue.Create(Anonymize(node.GetValue<string>()));
                if (kind == JsonValueKind.Number)
                {
                    var text = node.ToJsonString();
                    var anonymized = Anonymize(text);
                    return anonymized == text ? node.DeepClone() : JsonValue.Create(anonymized);
                }
                return node.DeepClone();
            }
        }
    }

    private string Replace(PiiSpan span, string original)
    {
        if (replacements.TryGetValue((span.Type, original), out var known)) return known;
        string replacement;
        if (span.Type is PiiType.Secret or PiiType.CredentialUrl)
        {
            var label = span.Label ?? "SECRET";
            var n = placeholderCounts.GetValueOrDefault(label) + 1;
            placeholderCounts[label] = n;
            replacement = $"<{label}_{n}>";
        }
        else
        {
            replacement = FakeValues.Create(span, original, key);
        }
        replacements[(span.Type, original)] = replacement;
        made.Add(new AnonymizedValue(span.Type.ToName(), original, replacement));
        if (span.Type == PiiType.PersonName)
        {
            // A one-word name gets a family fake too, drawn as for "X X", so "dilnoza abubakar" after "Dilnoza says..." changes whole.
            var family = original.Contains(' ') ? null : FakeValues.Create(span, original + " " + original, key).Split(' ')[^1];
            foreach (var (part, fake) in nameParts.Learn(original, replacement, family)) made.Add(new AnonymizedValue(span.Type.ToName(), part, fake));
        }
        return replacement;
    }
}
