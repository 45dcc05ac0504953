using System.Globalization;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>This window [Since, Until) and the previous one [PreviousSince, Since). No Since: one window of everything, none before.</summary>
internal sealed record DriftWindows(DateTimeOffset? Since, DateTimeOffset? Until, DateTimeOffset? PreviousSince)
{
    public static DriftWindows Of(DriftRequest request, IReadOnlyList<DriftQuery> queries)
    {
        if (request.Since is not { } since) return new(null, request.Until, null);
        var until = request.Until ?? queries.Select(q => q.Start).OfType<DateTimeOffset>().DefaultIfEmpty(since).Max().AddTicks(1);
        if (until <= since) until = since.AddDays(7);
        return new(since, until, request.PreviousSince ?? since - (until - since));
    }

    public bool InCurrent(DriftQuery query) =>
        Since is null ? Until is not { } u || query.Start is not { } t || t < u
            : query.Start is { } start && start >= Since && (Until is null || start < Until);

    public bool InPrevious(DriftQuery query) =>
        Since is { } since && PreviousSince is { } from && query.Start is { } start && start >= from && start < since;

    public string Describe() => Since is null ? "all queries"
        : string.Create(CultureInfo.InvariantCulture, $"{Since:yyyy-MM-dd HH:mm} to {Until:yyyy-MM-dd HH:mm}");
}
