using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Targets;

namespace AgentOps.Evals.Tests.Running;

public sealed class CandidateSessionTests
{
    private static EvalConfig Config(string keyVariable) => new()
    {
        BaseDirectory = Path.GetTempPath(),
        Providers = new Dictionary<string, ProviderConfig>
        {
            ["openai"] = new("openai", "openai", "https://api.example.invalid/v1", keyVariable),
            ["replay"] = new("replay", "replay", Cassettes: "cassettes"),
        },
        Candidates = new Dictionary<string, CandidateConfig> { ["prod"] = new("prod", null, "gpt-4.1-mini", "openai") },
    };

    [Fact]
    public void A_missing_key_variable_is_a_clear_error_naming_it_only_when_that_provider_is_used()
    {
        var variable = "AGENTOPS_TEST_KEY_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var config = Config(variable);

        var replay = CandidateSession.Open(config, "prod", providerOverride: "replay");
        Assert.Equal("replay", replay.Identity.Provider);

        var error = Assert.Throws<InputException>(() => CandidateSession.Open(config, "prod"));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("providers.openai.api-key-env", problem.Field);
        Assert.Contains(variable, problem.Message);
        Assert.Contains("is not set", problem.Message);
    }

    [Fact]
    public void An_unknown_candidate_lists_the_known_ones()
    {
        var error = Assert.Throws<InputException>(() => CandidateSession.Open(Config("X"), "nope"));
        Assert.Contains("expected one of: prod", error.Problems[0].Message);
    }

    [Fact]
    public void Recording_through_a_replay_provider_is_refused_with_what_to_do()
    {
        var error = Assert.Throws<InputException>(() => CandidateSession.Open(Config("X"), "prod", providerOverride: "replay", record: true));
        Assert.Contains("--provider", error.Problems[0].Message);
    }

    [Fact]
    public void Errors_found_when_a_provider_is_used_name_the_config_file_it_came_from()
    {
        var dir = Directory.CreateTempSubdirectory("agentops-config").FullName;
        try
        {
            var path = Path.Combine(dir, "nightly.config.yaml");
            File.WriteAllText(path, """
                providers:
                  live: {type: openai, endpoint: "https://api.example.invalid/v1", api-key-env: AGENTOPS_TEST_UNSET_KEY_VARIABLE}
                candidates:
                  prod: {model: gpt-4.1-mini, provider: live}
                """);
            var config = AgentOps.Evals.Config.ConfigLoader.Load(path);
            var error = Assert.Throws<InputException>(() => CandidateSession.Open(config, "prod"));
            Assert.Equal(path, error.Problems[0].Location.File);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
