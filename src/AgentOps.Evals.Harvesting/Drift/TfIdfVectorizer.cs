using System.Globalization;
using System.Text;

namespace AgentOps.Evals.Harvesting.Drift;

/// <summary>
/// The local default: no network, no model. Word unigrams and bigrams plus character 3–5-grams inside words, hashed
/// into 2^16 buckets, weighted by TF-IDF fitted on the batch (production queries and golden inputs together), then
/// L2-normalized. Character n-grams let "refund"/"refunds"/"refunded" meet; tokens holding digits (order numbers,
/// amounts) are dropped, since they name instances, not intents. Deterministic for a given input.
/// </summary>
internal sealed class TfIdfVectorizer(double joinSimilarity = 0.30) : IQueryVectorizer
{
    private const int Bits = 16;
    private const float CharWeight = 0.35f;

    /// <summary>Emails, URLs and handles name a person or a page, not an intent; their pieces would pull one customer's queries together.</summary>
    private static readonly System.Text.RegularExpressions.Regex Identifiers = new(@"\S+@\S+|\bhttps?://\S+|\bwww\.\S+", System.Text.RegularExpressions.RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    private readonly Dictionary<int, string> words = [];
    private float[] idf = [];

    public int Dimensions => 1 << Bits;

    public double JoinSimilarity => joinSimilarity;

    public Task<IReadOnlyList<SparseVector>> VectorizeAsync(IReadOnlyList<string> texts, CancellationToken ct)
    {
        var counts = new List<Dictionary<int, float>>(texts.Count);
        var df = new int[Dimensions];
        foreach (var text in texts)
        {
            ct.ThrowIfCancellationRequested();
            var features = Features(text);
            foreach (var index in features.Keys) df[index]++;
            counts.Add(features);
        }
        idf = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++) idf[i] = (float)(Math.Log((1.0 + texts.Count) / (1.0 + df[i])) + 1.0);
        IReadOnlyList<SparseVector> vectors = counts.Select(Weigh).ToList();
        return Task.FromResult(vectors);
    }

    public IReadOnlyList<string> TopTerms(float[] centroid, int count) =>
        words.Where(w => centroid[w.Key] > 0).OrderByDescending(w => centroid[w.Key]).ThenBy(w => w.Value, StringComparer.Ordinal)
            .Select(w => w.Value).Take(count).ToList();

    private SparseVector Weigh(Dictionary<int, float> features)
    {
        var indices = features.Keys.Order().ToArray();
        var values = new float[indices.Length];
        var norm = 0.0;
        for (var i = 0; i < indices.Length; i++)
        {
            // Sublinear term frequency: a word said twice is not twice the intent.
            var w = (float)((1 + Math.Log(features[indices[i]])) * idf[indices[i]]);
            values[i] = w;
            norm += w * w;
        }
        norm = Math.Sqrt(norm);
        if (norm > 0) for (var i = 0; i < values.Length; i++) values[i] = (float)(values[i] / norm);
        return new SparseVector(indices, values);
    }

    private Dictionary<int, float> Features(string text)
    {
        var features = new Dictionary<int, float>();
        var tokens = Tokens(Identifiers.Replace(text, " "));
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i];
            var index = Index("w:" + word);
            Add(features, index, 1f);
            if (!IsStopWord(word)) words.TryAdd(index, word);
            if (i + 1 < tokens.Count) Add(features, Index("b:" + word + " " + tokens[i + 1]), 1f);
            var padded = "<" + word + ">";
            for (var n = 3; n <= 5; n++)
                for (var s = 0; s + n <= padded.Length; s++) Add(features, Index("c:" + padded.AsSpan(s, n).ToString()), CharWeight);
        }
        return features;
    }

    private static void Add(Dictionary<int, float> features, int index, float weight) =>
        features[index] = features.GetValueOrDefault(index) + weight;

    private int Index(string feature) => (int)(StableHash.Of(feature) & ((1UL << Bits) - 1));

    /// <summary>Lowercased letter runs (any script), accents folded; tokens with digits are dropped.</summary>
    internal static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var hasDigit = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(ch)) { current.Append(char.ToLowerInvariant(ch)); hasDigit |= char.IsDigit(ch); continue; }
            Flush();
        }
        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0 && !hasDigit) tokens.Add(current.ToString());
            current.Clear();
            hasDigit = false;
        }
    }

    private static bool IsStopWord(string word) => word.Length < 3 || StopWords.Contains(word);
}
