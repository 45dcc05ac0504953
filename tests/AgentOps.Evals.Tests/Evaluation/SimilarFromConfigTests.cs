using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Tests.Cases;
using Server = AgentOps.Evals.FakeModelServer.FakeModelServer;

namespace AgentOps.Evals.Tests.Evaluation;

/// <summary><c>similar</c> with the embedding generator built from <c>embeddings: {model, provider}</c> in config, against the fake server's /v1/embeddings.</summary>
public sealed class SimilarFromConfigTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Embeddings_from_config_score_similar_against_an_openai_compatible_endpoint()
    {
        await using var server = await Server.StartAsync(new AgentOps.Evals.FakeModelServer.FakeServerOptions());
        var config = ConfigLoader.Load(_folder.Write("eval.config.yaml", $$"""
            providers:
              local: {type: openai, endpoint: "{{server.BaseUrl}}"}
            embeddings: {model: text-embedding-3-small, provider: local}
            """));
        Assert.Equal(new EmbeddingsConfig("text-embedding-3-small", "local"), config.Embeddings);

        var generator = EmbeddingGeneratorFactory.Create(config, gradedProvider: "local");
        Assert.NotNull(generator);
        var bound = Check.Bind("similar", """{"value": "you have fourteen days to return the order", "threshold": 0.7}""");

        var close = await bound.EvaluateAsync((Trial.Answer("You have fourteen days to return the order.") with { Embeddings = generator }).ToContext(), CancellationToken.None);
        Assert.True(close.Passed, close.Reason);
        var far = await bound.EvaluateAsync((Trial.Answer("Shipping is free above 50 euros") with { Embeddings = generator }).ToContext(), CancellationToken.None);
        Assert.False(far.Passed);
        Assert.False(far.InfraError);
        Assert.Contains("below threshold 0.7", far.Reason);
    }

    [Fact]
    public void A_replayed_run_makes_no_live_embedding_call()
    {
        var config = ConfigLoader.Load(_folder.Write("eval.config.yaml", """
            providers:
              local: {type: openai, endpoint: "http://127.0.0.1:9/v1"}
              replay: {type: replay}
            embeddings: {model: e, provider: local}
            """));
        Assert.Null(EmbeddingGeneratorFactory.Create(config, gradedProvider: "replay"));
    }

    [Fact]
    public void An_embeddings_section_naming_a_missing_or_non_openai_provider_is_refused_with_its_line()
    {
        var e = Assert.Throws<InputException>(() => ConfigLoader.Load(_folder.Write("eval.config.yaml", """
            providers:
              replay: {type: replay}
            embeddings: {model: e, provider: replay}
            """)));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("embeddings.provider", problem.Field);
        Assert.Equal(3, problem.Location.Line);
        Assert.Contains("need an openai", problem.Message);
    }
}
