using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Harvesting.Anonymization;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// The nightly harvest: traces and feedback in; flagged, deduplicated, ranked, anonymized cases with
/// <c>status: needs-label</c> and a triage queue out. Two streaming passes over the traces keep memory flat: the first
/// keeps per-trace numbers to flag sessions, the second reads message text of the flagged traces only.
/// </summary>
public sealed class HarvestJob
{
    /// <summary>Reads, flags, ranks and anonymizes; writes the cases, the triage queue and (with a real key) the mapping store.</summary>
    public Task<HarvestSummary> RunAsync(HarvestRequest request, CancellationToken ct) =>
        Task.Run(() => Run(request, ct), ct);

    private static HarvestSummary Run(HarvestRequest request, CancellationToken ct)
    {
        if (request.Key is null && !request.EphemeralKey)
            throw new InputException("harvest", "key", "no harvest key: set the key environment variable (harvest.key-env) or pass --ephemeral-key");
        if (request.Key is { Length: < 16 })
            throw new InputException("harvest", "key", $"the harvest key has {request.Key.Length} bytes; expected at least 16");
        var key = request.Key ?? RandomNumberGenerator.GetBytes(32);
        var traceFiles = FileGlob.Expand(request.Traces);
        if (traceFiles.Count == 0)
            throw new InputException("harvest", "traces", $"no trace files match {string.Join(", ", request.Traces)}");
        var skipped = new List<SkippedLine>();

        var feedback = new List<FeedbackEvent>();
        foreach (var file in FileGlob.Expand(request.Feedback)) FeedbackReader.Read(file, feedback, skipped, ct);

        var summaries = new SummarySink(request.Pricing);
        for (var i = 0; i < traceFiles.Count; i++) OtlpFileReader.Read(traceFiles[i], summaries, skipped, ct, i);
        // Two lazy walks over the sessions, the cuts first, so only the flagged sessions are ever held.
        var grouped = SessionSummary.Group(summaries.Traces.Values, feedback);
        IEnumerable<SessionSummary> Sessions() => grouped
            .Where(s => request.Since is not { } since || s.Start >= since || s.Feedback.Any(f => f.Timestamp >= since));
        var costs = new List<decimal>(summaries.Traces.Count);
        var modelCalls = new List<int>(summaries.Traces.Count);
        foreach (var session in Sessions()) { costs.Add(session.Cost); modelCalls.Add(session.ModelCalls); }
        var sessionsRead = costs.Count;
        var cuts = FlagRules.Cuts(costs, modelCalls, request.Thresholds);
        costs = null;
        modelCalls = null;
        var flags = new Dictionary<string, IReadOnlyList<HarvestFlag>>(StringComparer.Ordinal);
        var flaggedSessions = new List<SessionSummary>();
        foreach (var session in Sessions())
        {
            if (FlagRules.For(session, cuts, request.Thresholds) is not { Count: > 0 } found) continue;
            flags[session.Key] = found;
            flaggedSessions.Add(session);
        }
        var spansRead = summaries.Spans;
        var lastSeen = flaggedSessions.Select(s => s.TraceIds.Max(t => summaries.Traces[t].LastSeen)).ToArray();
        summaries = null;
        grouped = null;
        // The per-trace numbers of the whole batch are garbage now. Without a collection here the runtime keeps their
        // memory and the second pass's garbage on top of it; one compacting collection (~0.1 s on 1 GB) hands it back.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var slots = new HarvestCandidate?[flaggedSessions.Count];
        var withoutConversation = 0;
        var transcripts = new TranscriptSink(flaggedSessions, lastSeen, (index, spans) =>
        {
            var session = flaggedSessions[index];
            if (TranscriptBuilder.Build(session, flags[session.Key], spans) is { } candidate) slots[index] = candidate;
            else withoutConversation++;
        });
        // Second pass: skipped lines were already reported by the first.
        for (var i = 0; i < traceFiles.Count; i++) OtlpFileReader.Read(traceFiles[i], transcripts, [], ct, i);
        transcripts.Finish();
        // Session order, not the order sessions completed in: ranking ties keep it, so the output does not depend on file layout.
        var candidates = slots.OfType<HarvestCandidate>().ToList();
        slots = null;
        // As above: the second pass's spans are garbage; hand their memory back before the anonymizer loads its data.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var collapsed = NearDuplicates.Collapse(CaseRanking.Rank(candidates));
        var selected = CaseRanking.Rank(collapsed).Take(Math.Max(0, request.Limit)).ToList();

        var now = request.Time.GetUtcNow();
        var pseudonymizer = new Pseudonymizer(key);
        var mapping = request.EphemeralKey ? null : new MappingStore(request.MappingStore, key);
        Directory.CreateDirectory(request.Out);
        var written = new List<string>();
        var present = new List<string>();
        var triage = new List<TriageEntry>();
        var hoursToCase = new List<double>();
        var promoted = new List<(string Path, DateTimeOffset FeedbackAt)>();
        foreach (var candidate in selected)
        {
            ct.ThrowIfCancellationRequested();
            var (goldenCase, replacements) = CaseFromCandidate(candidate, key, pseudonymizer, now);
            var path = Path.Combine(request.Out, goldenCase.Id + ".yaml");
            var isNew = !File.Exists(path);
            var feedbackAt = candidate.Session.NegativeFeedback?.Timestamp;
            if (isNew)
            {
                File.WriteAllText(path, GoldenCaseWriter.ToYaml(goldenCase, request.SchemaPath));
                written.Add(path);
                mapping?.Write(goldenCase.Id, replacements);
                if (feedbackAt is { } at) hoursToCase.Add((now - at).TotalHours);
            }
            else
            {
                present.Add(path);
                if (feedbackAt is { } at && IsActive(path)) promoted.Add((path, at));
            }
            triage.Add(new TriageEntry(triage.Count + 1, goldenCase.Id, Path.GetFileName(path), Math.Round(CaseRanking.Score(candidate), 2), candidate.Count,
                candidate.Flags.Select(f => f.ToName()).ToList(), EvidenceText(goldenCase.Evidence, "feedback", "category"), EvidenceText(goldenCase.Evidence, "tier"),
                EvidenceText(goldenCase.Evidence, "model"), goldenCase.Title));
        }

        var promotedAt = CaseFileHistory.LastChanged(request.Out, promoted.Select(p => p.Path).ToList());
        var hoursToPromotion = promoted.Select(p => (promotedAt[p.Path] - p.FeedbackAt).TotalHours).ToList();

        var triageMarkdown = TriageQueue.MarkdownPath(request.Out);
        var triageJson = TriageQueue.JsonPath(request.Out);
        TriageQueue.ReplaceHarvest(request.Out, triage);

        return new HarvestSummary
        {
            TraceFiles = traceFiles.Count,
            Spans = spansRead,
            SessionsRead = sessionsRead,
            FeedbackEvents = feedback.Count,
            FlaggedByFlag = flags.Values.SelectMany(f => f).GroupBy(f => f.ToName()).ToDictionary(g => g.Key, g => g.Count()),
            Skipped = skipped,
            CasesWritten = written,
            CasesAlreadyPresent = present,
            DuplicatesCollapsed = collapsed.Sum(c => c.Duplicates.Count),
            SessionsWithoutConversation = withoutConversation,
            TimeToEval = Stats(hoursToCase, hoursToPromotion),
            TriageMarkdown = triageMarkdown,
            TriageJson = triageJson,
            MappingStoreWritten = mapping is not null && written.Count > 0,
        };
    }

    /// <summary>The case for one candidate, anonymized, with its stable content-hash id. Pure given the key.</summary>
    internal static (GoldenCase Case, IReadOnlyList<AnonymizedValue> Replacements) CaseFromCandidate(HarvestCandidate candidate, byte[] key, Pseudonymizer pseudonymizer, DateTimeOffset now)
    {
        var anonymizer = new CaseAnonymizer(key, pseudonymizer);
        var session = candidate.Session;
        var all = new[] { candidate }.Concat(candidate.Duplicates).ToList();
        var sessionIds = all.Select(c => c.Session.SessionId).OfType<string>().Distinct().Select(id => anonymizer.AddIdentifier("session-id", id)).ToList();
        var userIds = all.Select(c => c.Session.UserId).OfType<string>().Distinct().Select(id => anonymizer.AddIdentifier("user-id", id)).ToList();
        var traceIds = all.SelectMany(c => c.Session.TraceIds).Distinct().Take(20).Select(id => anonymizer.AddIdentifier("trace-id", id)).ToList();

        // Names are learned from every text of the case first, so a name found anywhere is replaced everywhere (titles, triage,
        // tool arguments and results, keys), also where no detector would find it on its own.
        anonymizer.Learn(candidate.Messages.Select(m => m.Content).Append(session.NegativeFeedback?.Comment).Append(session.NegativeFeedback?.Category)
            .Concat(candidate.Tools.SelectMany(t => new[] { t.Description, t.Error }.Concat(StringsIn(t.Parameters)).Concat(StringsIn(t.Returns)))));
        var messages = candidate.Messages.Select(m => new CaseMessage(AllowListedKinds.IsRole(m.Role) ? m.Role : "user", anonymizer.Anonymize(m.Content))).ToList();
        // Deny by default: every string below is either an allow-listed kind or anonymized, keys included.
        var tools = candidate.Tools.Select(t => t with
        {
            Name = anonymizer.Field(t.Name, AllowListedKinds.IsToolName, "tool-name"),
            Description = anonymizer.Anonymize(t.Description),
            Parameters = anonymizer.Anonymize(t.Parameters) as JsonObject,
            Returns = anonymizer.Anonymize(t.Returns),
            Error = t.Error is null ? null : anonymizer.Anonymize(t.Error),
        }).ToList();
        var negative = session.NegativeFeedback;
        var comment = negative?.Comment is { } c ? anonymizer.Anonymize(c) : null;

        var primary = candidate.Flags[0];
        var date = DateOnly.FromDateTime((negative?.Timestamp ?? session.Start ?? now).UtcDateTime);
        var lastUser = messages.LastOrDefault(m => m.Role == "user")?.Content ?? "";
        var title = $"{primary.ToName()}: {Shorten(lastUser, 70)}";
        var id = "harvest-" + ContentHash(messages, tools);

        var evidence = new JsonObject
        {
            ["flags"] = new JsonArray(candidate.Flags.Select(f => (JsonNode)JsonValue.Create(f.ToName())!).ToArray()),
            ["count"] = candidate.Count,
            ["sessions"] = Strings(sessionIds),
            ["traces"] = Strings(traceIds),
        };
        if (userIds.Count > 0) evidence["users"] = Strings(userIds);
        var safeTier = session.Tier is { } rawTier ? anonymizer.Field(rawTier, AllowListedKinds.IsToken, "tier") : null;
        if (session.Model is { } model) evidence["model"] = anonymizer.Field(model, AllowListedKinds.IsModelId, "model");
        if ((negative?.PromptHash ?? session.PromptId) is { } prompt) evidence["prompt"] = anonymizer.Field(prompt, v => AllowListedKinds.IsHash(v) || AllowListedKinds.IsToolName(v), "prompt");
        if (safeTier is not null) evidence["tier"] = safeTier;
        if (negative is not null)
        {
            var fb = new JsonObject { ["origin"] = anonymizer.Field(negative.Origin, AllowListedKinds.IsToken, "feedback-origin") };
            if (negative.Category is { } category) fb["category"] = anonymizer.Field(category, AllowListedKinds.IsToken, "feedback-category");
            if (comment is not null) fb["comment"] = comment;
            if (negative.Timestamp is { } at) fb["at"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            evidence["feedback"] = fb;
        }
        if (candidate.FinishReasons.Count > 0) evidence["finish-reasons"] = Strings(candidate.FinishReasons.Select(r => anonymizer.Field(r, AllowListedKinds.IsToken, "finish-reason")));
        evidence["model-calls"] = session.ModelCalls;
        if (session.ToolErrors > 0) evidence["tool-errors"] = session.ToolErrors;
        evidence["tokens"] = new JsonObject { ["input"] = session.InputTokens, ["output"] = session.OutputTokens };
        if (session.Cost > 0) evidence["cost-usd"] = Math.Round(session.Cost, 6);
        evidence["key"] = Pseudonymizer.Fingerprint(key);
        // Fakes look like real PII by design; listing them lets `scan` tell them from a leak.
        var synthetic = anonymizer.Replacements.Where(r => !r.Replacement.StartsWith('<') && !r.Replacement.StartsWith("anon-", StringComparison.Ordinal))
            .Select(r => r.Replacement).Distinct().Order(StringComparer.Ordinal).ToList();
        if (synthetic.Count > 0) evidence["synthetic"] = Strings(synthetic);

        var tags = new List<string> { "harvested" };
        tags.AddRange(candidate.Flags.Select(f => f.ToName()));
        if (safeTier is not null) tags.Add("tier:" + safeTier);
        var goldenCase = new GoldenCase
        {
            Id = id,
            Title = title,
            Tags = tags,
            Severity = negative?.Category == "unsafe" || candidate.Flags.Contains(HarvestFlag.Guardrail) ? Severity.P1 : Severity.P2,
            Status = CaseStatus.NeedsLabel,
            Source = $"{primary.ToName()}-{date:yyyy-MM-dd}",
            Created = DateOnly.FromDateTime(now.UtcDateTime),
            Input = new CaseInput(messages, safeTier is not null ? new Dictionary<string, string> { ["customer_tier"] = safeTier } : new Dictionary<string, string>(), [], tools),
            Expect = [],
            Evidence = evidence,
        };
        return (goldenCase, anonymizer.Replacements);
    }

    /// <summary>Every string value in a JSON tree (not the JSON text: its escapes would hide "Grünewald" from the detectors).</summary>
    private static IEnumerable<string?> StringsIn(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => StringsIn(p.Value)),
        JsonArray array => array.SelectMany(StringsIn),
        JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String => [value.GetValue<string>()],
        _ => [],
    };

    private static string ContentHash(IReadOnlyList<CaseMessage> messages, IReadOnlyList<MockTool> tools)
    {
        var text = new StringBuilder();
        foreach (var m in messages) text.Append(m.Role).Append('\u001f').Append(HarvestCandidate.Normalize(m.Content)).Append('\u001e');
        foreach (var t in tools) text.Append(t.Name).Append('\u001f').Append(t.Returns?.ToJsonString()).Append('\u001e');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    /// <summary>The triage queue quotes the case's anonymized evidence, never the raw session.</summary>
    private static string? EvidenceText(JsonObject? evidence, params string[] path)
    {
        JsonNode? node = evidence;
        foreach (var name in path) node = node is JsonObject o && o.TryGetPropertyValue(name, out var next) ? next : null;
        return node?.GetValueKind() == System.Text.Json.JsonValueKind.String ? node.GetValue<string>() : null;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());

    private static string Shorten(string text, int max)
    {
        var line = text.ReplaceLineEndings(" ");
        if (line.Length <= max) return line;
        // Cut at a space: half a value ("velva99@yahoo.co…") is neither the fake the case declares nor readable.
        var cut = line.LastIndexOf(' ', max);
        return (cut > max / 2 ? line[..cut] : line[..max]).TrimEnd() + "…";
    }

    private static bool IsActive(string path) =>
        File.ReadLines(path).Any(l => l.Trim() == "status: active");

    private static TimeToEvalStats Stats(List<double> toCase, List<double> toPromotion)
    {
        static double? Quantile(List<double> values, double q)
        {
            if (values.Count == 0) return null;
            return Math.Round(FlagRules.Percentile(values, q * 100), 1);
        }
        return new TimeToEvalStats(toCase.Count, Quantile(toCase, 0.5), Quantile(toCase, 0.9), toCase.Count == 0 ? null : Math.Round(toCase.Max(), 1),
            toPromotion.Count, Quantile(toPromotion, 0.5));
    }
}
