using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Tests.RateLimiting;

/// <summary><c>rpm</c>, <c>tpm</c> and <c>max-concurrency</c> under a provider: read, and refused with file:line when wrong.</summary>
public sealed class ProviderLimitsConfigTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("agentops-limits-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string providerLine)
    {
        var path = Path.Combine(_root, "eval.config.yaml");
        File.WriteAllText(path, $$"""
            providers:
              openai: {type: openai, endpoint: "https://api.example.com/v1", {{providerLine}}}
            candidates:
              prod: {model: gpt-4.1-mini, provider: openai}
            run: {retry-budget-s: 120}
            """);
        return path;
    }

    [Fact]
    public void Limits_are_read_per_provider()
    {
        var config = ConfigLoader.Load(Write("rpm: 500, tpm: 200000, max-concurrency: 8"));
        Assert.Equal(new ProviderLimits(500, 200_000, 8), config.Providers["openai"].Limits);
        Assert.Equal(120, config.Run.RetryBudgetSeconds);
    }

    [Theory]
    [InlineData("rpm: 0", "providers.openai.rpm")]
    [InlineData("tpm: lots", "providers.openai.tpm")]
    [InlineData("max-concurrency: 2.5", "providers.openai.max-concurrency")]
    public void A_bad_limit_is_reported_with_file_line_and_field(string line, string field)
    {
        var path = Write(line);
        var error = Assert.Throws<InputException>(() => ConfigLoader.Load(path));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(field, problem.Field);
        Assert.Equal(path, problem.Location.File);
        Assert.Equal(2, problem.Location.Line);
    }
}
