using System.Globalization;
using System.Text.Json;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// Feedback events as JSON lines: <c>session_id, message_id, rating (up|down), category (wrong|unsafe|slow|unhelpful),
/// comment, timestamp, prompt_hash, model_id</c>. A line that is not JSON or lacks a session or a rating is skipped with file:line.
/// </summary>
internal static class FeedbackReader
{
    public static void Read(string path, List<FeedbackEvent> into, List<SkippedLine> skipped, CancellationToken ct)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        foreach (var (line, bytes) in Utf8LineReader.Read(stream))
        {
            ct.ThrowIfCancellationRequested();
            if (bytes.Span.Trim(" \t\r"u8).IsEmpty) continue;
            try
            {
                using var document = JsonDocument.Parse(bytes);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object) throw new FormatException("expected a JSON object");
                var session = Text(root, "session_id") ?? throw new FormatException("session_id: missing");
                var rating = Text(root, "rating")?.ToLowerInvariant() ?? throw new FormatException("rating: missing, expected up or down");
                bool negative = rating switch
                {
                    "down" or "thumbs-down" or "thumbs_down" or "-1" or "negative" or "bad" or "0" => true,
                    "up" or "thumbs-up" or "thumbs_up" or "1" or "+1" or "positive" or "good" => false,
                    _ => throw new FormatException($"rating: '{rating}', expected up or down"),
                };
                into.Add(new FeedbackEvent(session, Text(root, "message_id"), negative, Text(root, "category")?.ToLowerInvariant(), Text(root, "comment"),
                    Timestamp(root), Text(root, "prompt_hash"), Text(root, "model_id"), "feedback"));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
            {
                skipped.Add(new SkippedLine(path, line, e.Message.Split(". ")[0]));
            }
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.Null => null,
            _ => v.GetRawText(),
        } : null;

    private static DateTimeOffset? Timestamp(JsonElement root)
    {
        if (!root.TryGetProperty("timestamp", out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number)
        {
            var n = v.GetDouble();
            // Seconds, milliseconds or nanoseconds since the epoch, told apart by size.
            return n switch
            {
                > 1e17 => DateTimeOffset.UnixEpoch.AddTicks((long)(n / 100)),
                > 1e11 => DateTimeOffset.FromUnixTimeMilliseconds((long)n),
                _ => DateTimeOffset.FromUnixTimeSeconds((long)n),
            };
        }
        if (v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        throw new FormatException($"timestamp: '{v.GetRawText()}', expected ISO 8601 or epoch seconds/milliseconds");
    }
}
