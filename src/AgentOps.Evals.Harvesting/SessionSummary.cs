namespace AgentOps.Evals.Harvesting;

/// <summary>One session (conversation id, else trace id) as the flags see it.</summary>
internal sealed record SessionSummary(
    string Key,
    string? SessionId,
    IReadOnlyList<string> TraceIds,
    string? UserId,
    string? Tier,
    string? Model,
    string? PromptId,
    DateTimeOffset? Start,
    int ModelCalls,
    long InputTokens,
    long OutputTokens,
    decimal Cost,
    bool LengthStop,
    int LongestToolErrorStreak,
    int ToolErrors,
    bool Guardrail,
    bool CircuitBreaker,
    IReadOnlyList<FeedbackEvent> Feedback)
{
    /// <summary>The locale attribute of the session's first trace that carries one (null when none does).</summary>
    public string? Locale { get; init; }

    /// <summary>The first negative feedback event, if any: it names the category and the time of the thumbs-down.</summary>
    public FeedbackEvent? NegativeFeedback => Feedback.Where(f => f.Negative).OrderBy(f => f.Timestamp ?? DateTimeOffset.MaxValue).FirstOrDefault();

    /// <summary>
    /// Merges the traces of one session, and attaches feedback given for the session or any of its traces. The grouping
    /// is made once, the sessions lazily on each walk, so a large batch can be walked twice (cuts, then flags) without
    /// holding every session at once.
    /// </summary>
    public static IEnumerable<SessionSummary> Group(IEnumerable<TraceSummary> traces, IReadOnlyList<FeedbackEvent> feedback)
    {
        var feedbackBySession = feedback.Where(f => f.SessionId is not null).ToLookup(f => f.SessionId!, StringComparer.Ordinal);
        // Flat arrays rather than GroupBy: its lookup holds an object per session, and on a large batch that garbage set
        // the peak memory. Same groups, same order (first appearance; traces in read order within a group).
        var all = traces.ToArray();
        var groupOf = new int[all.Length];
        var keys = new List<string>(all.Length);
        var index = new Dictionary<string, int>(all.Length, StringComparer.Ordinal);
        for (var i = 0; i < all.Length; i++)
        {
            var key = all[i].SessionId ?? all[i].TraceId;
            if (!index.TryGetValue(key, out var g)) { index[key] = g = keys.Count; keys.Add(key); }
            groupOf[i] = g;
        }
        var starts = new int[keys.Count + 1];
        foreach (var g in groupOf) starts[g + 1]++;
        for (var g = 0; g < keys.Count; g++) starts[g + 1] += starts[g];
        var fill = starts[..^1];
        var members = new TraceSummary[all.Length];
        for (var i = 0; i < all.Length; i++) members[fill[groupOf[i]]++] = all[i];
        return Walk(keys, starts, members, feedbackBySession);
    }

    private static IEnumerable<SessionSummary> Walk(List<string> keys, int[] starts, TraceSummary[] members, ILookup<string, FeedbackEvent> feedbackBySession)
    {
        for (var g = 0; g < keys.Count; g++)
        {
            var group = (Key: keys[g], Traces: new ArraySegment<TraceSummary>(members, starts[g], starts[g + 1] - starts[g]));
            var list = group.Traces.OrderBy(t => t.FirstStart).ToList();
            var toolRuns = list.SelectMany(t => t.ToolRuns).OrderBy(r => r.Start).ToList();
            int longest = 0, current = 0;
            foreach (var run in toolRuns)
            {
                current = run.Error ? current + 1 : 0;
                longest = Math.Max(longest, current);
            }
            var events = list.SelectMany(t => t.Feedback).Concat(feedbackBySession[group.Key]).Concat(list.SelectMany(t => group.Key == t.TraceId ? [] : feedbackBySession[t.TraceId])).ToList();
            var first = list.Select(t => t.FirstStart).Min();
            yield return new SessionSummary(
                group.Key,
                list.Select(t => t.SessionId).FirstOrDefault(s => s is not null),
                list.Select(t => t.TraceId).ToList(),
                list.Select(t => t.UserId).FirstOrDefault(s => s is not null),
                list.Select(t => t.Tier).FirstOrDefault(s => s is not null),
                list.Select(t => t.Model).FirstOrDefault(s => s is not null),
                list.Select(t => t.PromptId).FirstOrDefault(s => s is not null),
                first is ulong.MaxValue or 0 ? null : OtlpValue.FromUnixNano(first),
                list.Sum(t => t.ModelCalls),
                list.Sum(t => t.InputTokens),
                list.Sum(t => t.OutputTokens),
                list.Sum(t => t.Cost),
                list.Any(t => t.LengthStop),
                longest,
                toolRuns.Count(r => r.Error),
                list.Any(t => t.Guardrail),
                list.Any(t => t.CircuitBreaker),
                events)
            {
                Locale = list.Select(t => t.Locale).FirstOrDefault(s => s is not null),
            };
        }
    }
}
