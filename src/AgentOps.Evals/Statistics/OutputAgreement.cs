using AgentOps.Evals.Evaluation.Similarity;
using System.Text;

namespace AgentOps.Evals.Statistics;

/// <summary>How alike a case's outputs are across its trials, over all pairs of trials.</summary>
/// <param name="Trials">How many outputs were compared.</param>
/// <param name="ExactMatchRate">Share of trial pairs whose normalized outputs are identical.</param>
/// <param name="MeanSimilarity">Mean normalized edit similarity over the same pairs (1 for identical outputs); the case's agreement.</param>
public sealed record OutputAgreement(int Trials, double ExactMatchRate, double MeanSimilarity)
{
    /// <summary>Pairwise agreement of <paramref name="outputs"/>; one output or none agrees with itself.</summary>
    internal static OutputAgreement Compute(IReadOnlyList<string> outputs)
    {
        if (outputs.Count < 2) return new OutputAgreement(outputs.Count, 1, 1);

        var normalized = outputs.Select(Normalize).ToArray();
        var pairs = 0;
        var exact = 0;
        var similarity = 0.0;
        for (var i = 0; i < normalized.Length; i++)
        {
            for (var j = i + 1; j < normalized.Length; j++)
            {
                pairs++;
                if (string.Equals(normalized[i], normalized[j], StringComparison.Ordinal))
                {
                    exact++;
                    similarity += 1;
                }
                else
                {
                    similarity += Levenshtein.Similarity(normalized[i], normalized[j]);
                }
            }
        }
        return new OutputAgreement(outputs.Count, (double)exact / pairs, similarity / pairs);
    }

    /// <summary>Case and runs of whitespace are not disagreement: lower-case (invariant), trim, collapse whitespace.</summary>
    internal static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text.Trim())
        {
            if (char.IsWhiteSpace(ch)) { pendingSpace = true; continue; }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(char.ToLowerInvariant(ch));
        }
        return builder.ToString();
    }
}
