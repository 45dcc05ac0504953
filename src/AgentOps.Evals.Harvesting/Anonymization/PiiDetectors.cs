namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>The one registration list of detectors, and the merge that turns their overlapping finds into one span per value.</summary>
internal static class PiiDetectors
{
    /// <summary>Every detector, most specific first: on overlap, the earlier type wins, then the longer span.</summary>
    public static readonly IReadOnlyList<IPiiDetector> All =
    [
        new PrivateKeyDetector(),
        new KnownSecretDetector(),
        new JwtDetector(),
        new CredentialUrlDetector(),
        new KeywordSecretDetector(),
        new IbanDetector(),
        new PaymentCardDetector(),
        new UsSsnDetector(),
        new UkNinoDetector(),
        new SpanishDniDetector(),
        new DutchBsnDetector(),
        new FrenchNirDetector(),
        new EmailDetector(),
        new ObfuscatedEmailDetector(),
        new IpAddressDetector(),
        new PhoneDetector(),
        new DateOfBirthDetector(),
        new StreetAddressDetector(),
        new PersonNameDetector(),
    ];

    private static int Priority(PiiType type) => type switch
    {
        PiiType.CredentialUrl => 0,
        PiiType.Secret => 1,
        PiiType.Iban => 2,
        PiiType.PaymentCard => 3,
        PiiType.NationalId => 4,
        PiiType.Email => 5,
        PiiType.IpAddress => 6,
        PiiType.Phone => 7,
        PiiType.DateOfBirth => 8,
        PiiType.StreetAddress => 9,
        PiiType.PersonName => 10,
        _ => 11,
    };

    /// <summary>Non-overlapping spans in text order.</summary>
    public static IReadOnlyList<PiiSpan> Detect(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<PiiSpan>();
        foreach (var detector in All) detector.Detect(text, found);
        return Merge(found);
    }

    internal static IReadOnlyList<PiiSpan> Merge(List<PiiSpan> found)
    {
        if (found.Count <= 1) return found;
        found.Sort((a, b) => Priority(a.Type) != Priority(b.Type) ? Priority(a.Type).CompareTo(Priority(b.Type)) : b.Length.CompareTo(a.Length));
        var kept = new List<PiiSpan>(found.Count);
        foreach (var span in found)
        {
            if (span.Length <= 0) continue;
            var overlaps = false;
            foreach (var k in kept)
            {
                if (k.Overlaps(span)) { overlaps = true; break; }
            }
            if (!overlaps) kept.Add(span);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
