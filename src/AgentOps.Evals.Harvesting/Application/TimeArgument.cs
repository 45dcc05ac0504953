using System.Globalization;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Harvesting.Application;

/// <summary>A point in time as a user types it (<c>2026-06-29</c> or ISO 8601; UTC unless it says otherwise).</summary>
public static class TimeArgument
{
    /// <summary>The time <paramref name="text"/> names, or an <see cref="InputException"/> naming <paramref name="option"/> and what was expected.</summary>
    public static DateTimeOffset Parse(string text, string option = "--since") =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new InputException(option, option, $"found '{text}', expected a date like 2026-06-29 or an ISO 8601 time");

    /// <summary>Like <see cref="Parse"/>, null for null.</summary>
    public static DateTimeOffset? ParseOptional(string? text, string option = "--since") => text is null ? null : Parse(text, option);
}
