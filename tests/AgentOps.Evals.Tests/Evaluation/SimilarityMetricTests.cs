using AgentOps.Evals.Evaluation.Similarity;
using CsCheck;

namespace AgentOps.Evals.Tests.Evaluation;

public class SimilarityMetricTests
{
    private static readonly Gen<string> Words = Gen.String[Gen.Char["ab c"], 0, 14];

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("saturday", "sunday", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("prefix-abc-suffix", "prefix-xbz-suffix", 2)]
    public void Levenshtein_distance_matches_the_textbook_examples(string a, string b, int distance)
    {
        Assert.Equal(distance, Levenshtein.Distance(a, b));
        Assert.Equal(distance, Levenshtein.Distance(b, a));
    }

    [Fact]
    public void Levenshtein_similarity_is_normalized_by_the_longer_string()
    {
        Assert.Equal(1 - 3.0 / 7, Levenshtein.Similarity("kitten", "sitting"), 12);
        Assert.Equal(1.0, Levenshtein.Similarity("", ""));
        Assert.Equal(0.0, Levenshtein.Similarity("abc", ""));
    }

    [Fact]
    public void Levenshtein_is_a_metric() =>
        Gen.Select(Words, Words, Words).Sample((a, b, c) =>
        {
            var ab = Levenshtein.Distance(a, b);
            Assert.Equal(ab, Levenshtein.Distance(b, a));
            Assert.True(ab <= Math.Max(a.Length, b.Length));
            Assert.True(ab >= Math.Abs(a.Length - b.Length));
            Assert.Equal(ab == 0, a == b);
            Assert.True(Levenshtein.Distance(a, c) <= ab + Levenshtein.Distance(b, c));
        });

    [Fact]
    public void RougeL_reproduces_Lin_2004_example()
    {
        // Lin (2004), §3.1: reference S1 against S2 and S3; both have LCS-based F = 0.75 and 0.5.
        const string s1 = "police killed the gunman";
        Assert.Equal(0.75, RougeL.Score(s1, "police kill the gunman"), 12);
        Assert.Equal(0.5, RougeL.Score(s1, "the gunman kill police"), 12);
    }

    [Fact]
    public void RougeL_is_an_f_measure_over_lowercase_words()
    {
        // LCS("the cat sat on the mat", "The cat is on the mat!") = 5; P = 5/6, R = 5/6.
        Assert.Equal(5.0 / 6, RougeL.Score("The cat is on the mat!", "the cat sat on the mat"), 12);
        // LCS = 2 ("a c"): P = 2/2, R = 2/4 → F = 2·1·0.5 / 1.5.
        Assert.Equal(2 * 1 * 0.5 / 1.5, RougeL.Score("a b c d", "a c"), 12);
        Assert.Equal(0.0, RougeL.Score("alpha beta", "gamma"));
        Assert.Equal(1.0, RougeL.Score("", ""));
    }

    [Fact]
    public void Bleu_modified_precision_clips_counts_as_in_Papineni_2002()
    {
        // Papineni et al. (2002), §2.1: "the the the the the the the" against "The cat is on the mat" → 2/7.
        var (matches, total) = Bleu.ModifiedPrecision(
            WordTokens.Of("The cat is on the mat."), WordTokens.Of("the the the the the the the"), 1);
        Assert.Equal((2, 7), (matches, total));
    }

    [Fact]
    public void Bleu_of_a_worked_example_with_smoothing()
    {
        // candidate "the cat sat on the mat", reference "the cat is on the mat" (c = r = 6, BP = 1):
        // p1 = 5/6; p2 = 3/5 → (3+1)/(5+1); p3 = 1/4 → (1+1)/(4+1); p4 = 0/3 → (0+1)/(3+1).
        var expected = Math.Pow(5.0 / 6 * (4.0 / 6) * (2.0 / 5) * (1.0 / 4), 0.25);
        Assert.Equal(expected, Bleu.Score("the cat is on the mat", "the cat sat on the mat"), 12);
    }

    [Fact]
    public void Bleu_applies_the_brevity_penalty()
    {
        // Every n-gram of "the cat" is in the reference; only BP = exp(1 − 6/2) remains.
        Assert.Equal(Math.Exp(1 - 6.0 / 2), Bleu.Score("the cat is on the mat", "the cat"), 12);
        Assert.Equal(Math.Exp(1 - 6.0 / 2), Bleu.BrevityPenalty(6, 2), 12);
        Assert.Equal(1.0, Bleu.BrevityPenalty(6, 7));
    }

    [Fact]
    public void Bleu_is_one_for_identical_and_zero_for_disjoint_text()
    {
        Assert.Equal(1.0, Bleu.Score("Refunds are accepted within 14 days.", "refunds are accepted within 14 days"), 12);
        Assert.Equal(0.0, Bleu.Score("refunds within 14 days", "shipping is free"));
        Assert.Equal(0.0, Bleu.Score("refunds within 14 days", ""));
    }

    [Theory]
    [InlineData("The Denver Broncos", "Denver Broncos", 1.0)]
    [InlineData("Normans", "the Normans", 1.0)]
    [InlineData("Broncos", "Denver Broncos", 2.0 / 3)]
    [InlineData("Saint-Denis", "Saint Denis", 0.0)]
    [InlineData("in the 10th century", "10th and 11th centuries", 2.0 / 7)]
    [InlineData("", "", 1.0)]
    [InlineData("", "something", 0.0)]
    public void TokenF1_matches_SQuAD_scoring(string gold, string predicted, double f1) =>
        Assert.Equal(f1, TokenF1.Score(gold, predicted), 12);

    [Fact]
    public void TokenF1_normalizes_like_the_SQuAD_script()
    {
        Assert.Equal("denver broncos", TokenF1.Normalize("The  Denver Broncos!"));
        Assert.Equal("saintdenis", TokenF1.Normalize("Saint-Denis"));
        Assert.Equal("theory of everything", TokenF1.Normalize("A theory of everything."));
    }

    [Fact]
    public void Text_metrics_are_in_unit_range_and_one_on_identity() =>
        Gen.Select(Words, Words).Sample((a, b) =>
        {
            foreach (var score in new[] { RougeL.Score(a, b), Bleu.Score(a, b), TokenF1.Score(a, b), Levenshtein.Similarity(a, b) })
                Assert.InRange(score, 0.0, 1.0);
            Assert.Equal(1.0, RougeL.Score(a, a), 12);
            Assert.Equal(1.0, TokenF1.Score(a, a), 12);
            Assert.Equal(1.0, Levenshtein.Similarity(a, a), 12);
            Assert.Equal(RougeL.Score(a, b), RougeL.Score(b, a), 12);
            Assert.Equal(TokenF1.Score(a, b), TokenF1.Score(b, a), 12);
        });

    [Fact]
    public void Cosine_of_known_vectors()
    {
        Assert.Equal(0.6, Cosine.Similarity([1f, 0f], [0.6f, 0.8f]), 6);
        Assert.Equal(-1.0, Cosine.Similarity([1f, 2f], [-2f, -4f]), 6);
        Assert.Equal(0.0, Cosine.Similarity([0f, 0f], [1f, 1f]));
    }
}
