namespace AgentOps.Evals.Evaluation.Similarity;

/// <summary>Lowercase word tokens: maximal runs of letters and digits; everything else separates.</summary>
internal static class WordTokens
{
    public static List<string> Of(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                tokens.Add(text.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }
        }
        return tokens;
    }
}
