using System.Text;

namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary>
/// SQuAD-style token F1 (Rajpurkar et al., 2016, official evaluation script): lowercase, delete ASCII punctuation,
/// drop the articles a/an/the, split on whitespace, then F1 of the two bags of tokens.
/// </summary>
internal static class TokenF1
{
    public static double Score(string expected, string actual)
    {
        var gold = Tokens(expected);
        var predicted = Tokens(actual);
        // As the SQuAD v2 script: with an empty side, F1 is 1 only when both are empty.
        if (gold.Count == 0 || predicted.Count == 0)
            return gold.Count == predicted.Count ? 1.0 : 0.0;

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in gold)
            counts[token] = counts.GetValueOrDefault(token) + 1;
        var common = 0;
        foreach (var token in predicted)
        {
            if (counts.TryGetValue(token, out var left) && left > 0)
            {
                counts[token] = left - 1;
                common++;
            }
        }
        if (common == 0)
            return 0.0;
        var precision = (double)common / predicted.Count;
        var recall = (double)common / gold.Count;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>The SQuAD answer normalization, joined by single spaces.</summary>
    public static string Normalize(string text) => string.Join(' ', Tokens(text));

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                Flush(current, tokens);
            }
            else if (!IsAsciiPunctuation(c))
            {
                // Punctuation is deleted, not turned into a space: "Saint-Denis" becomes "saintdenis", as in SQuAD.
                current.Append(char.ToLowerInvariant(c));
            }
        }
        Flush(current, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length == 0)
            return;
        var token = current.ToString();
        current.Clear();
        if (token is not ("a" or "an" or "the"))
            tokens.Add(token);
    }

    // Python's string.punctuation, which the SQuAD script strips.
    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';
}
