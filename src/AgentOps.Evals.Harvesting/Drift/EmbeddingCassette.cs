using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentOps.Evals.Diagnostics;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// Records and replays embeddings like chat cassettes: one JSON line per text, keyed by a hash of (model, text), so a
/// nightly drift on recorded embeddings is offline and exact. Without an inner generator it only replays, and a text
/// missing from the cassette fails with the key and the command that records it. The text itself is never stored.
/// </summary>
internal sealed class EmbeddingCassette(string path, string model, IEmbeddingGenerator<string, Embedding<float>>? inner) : IEmbeddingGenerator<string, Embedding<float>>
{
    private Dictionary<string, float[]>? entries;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        entries ??= Load();
        var texts = values.ToList();
        var keys = texts.Select(Key).ToList();
        var missing = texts.Where((_, i) => !entries.ContainsKey(keys[i])).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            if (inner is null)
                throw new InputException(path, "drift.embeddings", $"no recorded embedding for key {Key(missing[0])} ({missing.Count} texts missing); record them with: agentops-evals drift --record-embeddings (needs the embeddings provider)");
            var made = await inner.GenerateAsync(missing, options, cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await using var writer = File.AppendText(path);
            for (var i = 0; i < missing.Count; i++)
            {
                var vector = made[i].Vector.ToArray();
                entries[Key(missing[i])] = vector;
                await writer.WriteLineAsync(JsonSerializer.Serialize(new Line(Key(missing[i]), model, vector))).ConfigureAwait(false);
            }
        }
        return new GeneratedEmbeddings<Embedding<float>>(keys.Select(k => new Embedding<float>(entries[k]) { ModelId = model }));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : inner?.GetService(serviceType, serviceKey);

    public void Dispose() => inner?.Dispose();

    private string Key(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model + "\u001f" + text)))[..24];

    private Dictionary<string, float[]> Load()
    {
        var loaded = new Dictionary<string, float[]>(StringComparer.Ordinal);
        if (!File.Exists(path)) return loaded;
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (text.Length == 0) continue;
            try
            {
                var line = JsonSerializer.Deserialize<Line>(text) ?? throw new JsonException("empty");
                loaded[line.Key] = line.Vector;
            }
            catch (JsonException e)
            {
                throw new InputException(new Problem(new SourceLocation(path, number, 1), "embedding", $"not a cassette line ({e.Message.Split('.')[0]}); expected {{\"Key\", \"Model\", \"Vector\"}}"));
            }
        }
        return loaded;
    }

    private sealed record Line(string Key, string Model, float[] Vector);
}
