using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AgentOps.Evals.FakeModelServer;

/// <summary>POST /v1/embeddings: a deterministic bag-of-words vector per input (64 hashed word buckets), so texts that share
/// words are similar and a <c>similar</c> assertion can be tested end to end without a model.</summary>
internal static class EmbeddingsEndpoint
{
    private const int Dimensions = 64;

    public static async Task HandleAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var input = request.RootElement.GetProperty("input");
        var texts = input.ValueKind == JsonValueKind.Array ? input.EnumerateArray().Select(e => e.GetString() ?? "").ToList() : [input.GetString() ?? ""];
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("object", "list");
        json.WriteStartArray("data");
        for (var i = 0; i < texts.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("object", "embedding");
            json.WriteNumber("index", i);
            json.WriteStartArray("embedding");
            foreach (var value in Vector(texts[i]))
                json.WriteNumberValue(value);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("model", request.RootElement.TryGetProperty("model", out var model) ? model.GetString() : "fake-embedding");
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", texts.Sum(t => t.Length / 4 + 1));
        json.WriteNumber("total_tokens", texts.Sum(t => t.Length / 4 + 1));
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    internal static float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            // FNV-1a: stable across processes, unlike string.GetHashCode.
            var hash = 2166136261u;
            foreach (var c in word)
                hash = (hash ^ c) * 16777619u;
            vector[hash % Dimensions] += 1;
        }
        return vector;
    }

    private static readonly char[] Separators = [' ', '\n', '\t', '.', ',', '!', '?', ';', ':', '"', '\''];
}
