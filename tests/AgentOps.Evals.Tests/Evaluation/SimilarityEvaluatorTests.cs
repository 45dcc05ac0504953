using System.Text.Json;
using AgentOps.Evals.Evaluation.Similarity;

namespace AgentOps.Evals.Tests.Evaluation;

public class SimilarityEvaluatorTests
{
    private const string Expected = "You can withdraw from the purchase within 14 days of delivery.";

    [Theory]
    [InlineData("levenshtein")]
    [InlineData("rouge-l")]
    [InlineData("bleu")]
    [InlineData("token-f1")]
    public async Task Passes_a_close_paraphrase_and_reports_the_score(string type)
    {
        var output = "You can withdraw from the purchase within 14 days of the delivery.";
        var result = await Check.Evaluate(type, Args(Expected), Trial.Answer(output));
        Assert.True(result.Passed, result.Reason);
        Assert.NotNull(result.Score);
        Assert.InRange(result.Score.Value, 0.5, 1.0);
        Assert.StartsWith($"{type} ", result.Reason);
        Assert.Contains("≥ threshold", result.Reason);
    }

    [Theory]
    [InlineData("levenshtein", 0.8)]
    [InlineData("rouge-l", 0.75)]
    [InlineData("bleu", 0.5)]
    [InlineData("token-f1", 0.7)]
    public async Task Fails_an_unrelated_answer_with_score_threshold_and_quotes(string type, double defaultThreshold)
    {
        var output = "Shipping is free for orders over 50 euros.";
        var result = await Check.Evaluate(type, Args(Expected), Trial.Answer(output));
        Assert.False(result.Passed);
        Assert.NotNull(result.Score);
        Assert.True(result.Score < defaultThreshold);
        Assert.Contains($"is below threshold {defaultThreshold.ToString(System.Globalization.CultureInfo.InvariantCulture)} against '{Expected}'", result.Reason);
        Assert.EndsWith($"response began: '{output}'", result.Reason);
    }

    [Fact]
    public async Task Score_is_the_metric_and_the_threshold_is_honoured()
    {
        var rouge = await Check.Evaluate("rouge-l", """{"value":"police killed the gunman","threshold":0.7}""", Trial.Answer("police kill the gunman"));
        Assert.Equal(0.75, rouge.Score!.Value, 12);
        Assert.True(rouge.Passed);

        var strict = await Check.Evaluate("rouge-l", """{"value":"police killed the gunman","threshold":"0.8"}""", Trial.Answer("police kill the gunman"));
        Assert.False(strict.Passed);
        Assert.StartsWith("rouge-l 0.75 is below threshold 0.8", strict.Reason);

        var lev = await Check.Evaluate("levenshtein", """{"value":"kitten","threshold":0.5}""", Trial.Answer("sitting"));
        Assert.Equal(1 - 3.0 / 7, lev.Score!.Value, 12);
    }

    [Fact]
    public async Task Similar_uses_cosine_of_embeddings()
    {
        var embeddings = new FakeEmbeddings(new Dictionary<string, float[]>
        {
            ["refund within 14 days"] = [1f, 0f],
            ["you have two weeks to return it"] = [0.9f, 0.1f],
            ["free shipping"] = [0.6f, 0.8f],
        });
        var close = await Check.Evaluate("similar", """{"value":"refund within 14 days"}""", new Trial { Output = "you have two weeks to return it", Embeddings = embeddings });
        Assert.True(close.Passed, close.Reason);
        Assert.Equal(0.9 / Math.Sqrt(0.82), close.Score!.Value, 5);
        Assert.Equal(1, embeddings.Calls);

        var far = await Check.Evaluate("similar", """{"value":"refund within 14 days","threshold":0.7}""", new Trial { Output = "free shipping", Embeddings = embeddings });
        Assert.False(far.Passed);
        Assert.False(far.InfraError);
        Assert.Equal(0.6, far.Score!.Value, 5);
        Assert.StartsWith("cosine similarity 0.6 is below threshold 0.7 against 'refund within 14 days'", far.Reason);
    }

    [Fact]
    public async Task Similar_without_embeddings_is_skipped_as_infrastructure()
    {
        var result = await Check.Evaluate("similar", """{"value":"refund within 14 days"}""", Trial.Answer("anything"));
        Assert.False(result.Passed);
        Assert.True(result.InfraError);
        Assert.StartsWith("skipped: no embedding generator (set embeddings: {model, provider} in eval.config.yaml", result.Reason);
        Assert.Equal(SimilarEvaluator.SkippedReason, result.Reason);
    }

    [Fact]
    public async Task Similar_with_a_failing_embedding_service_is_an_infrastructure_error()
    {
        var embeddings = new FakeEmbeddings(new Dictionary<string, float[]>());
        var result = await Check.Evaluate("similar", """{"value":"refund"}""", new Trial { Output = "x", Embeddings = embeddings });
        Assert.True(result.InfraError);
        Assert.Equal("could not compute embeddings: 503 Service Unavailable", result.Reason);
    }

    [Theory]
    [InlineData("levenshtein", "{}", "value", "missing; expected a string")]
    [InlineData("rouge-l", """{"value":"x","threshold":1.5}""", "threshold", "between 0 and 1")]
    [InlineData("bleu", """{"value":"x","threshold":"high"}""", "threshold", "expected a number, found the string 'high'")]
    [InlineData("token-f1", """{"value":"x","threshhold":0.5}""", "threshhold", "unknown field for 'token-f1'; expected one of: value, threshold")]
    [InlineData("similar", """{"value":"x","threshold":2}""", "threshold", "between -1 and 1")]
    [InlineData("similar", """{"threshold":0.5}""", "value", "missing")]
    public void Bad_fields_are_problems(string type, string args, string field, string fragment) =>
        Check.SingleProblem(type, args, field, fragment);

    private static string Args(string value) => JsonSerializer.Serialize(new { value });
}
