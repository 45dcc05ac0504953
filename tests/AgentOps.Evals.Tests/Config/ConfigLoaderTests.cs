using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Config;

public sealed class ConfigLoaderTests : IDisposable
{
    private const string FullConfig = """
        golden-set: cases
        providers:
          openai: {type: openai, endpoint: "https://api.example.com/v1", api-key-env: OPENAI_API_KEY}
          local:  {type: openai, endpoint: "http://127.0.0.1:8080/v1"}
          replay: {type: replay}
          agent:  {type: http, endpoint: "http://127.0.0.1:9000/agent"}
        candidates:
          prod: {prompt: prompts/support.v3.md, model: gpt-4.1-mini, provider: openai}
          next: {prompt: prompts/support.v4.md, model: gpt-5-mini, provider: openai, target: http}
        baseline: prod
        judge: {model: gpt-4.1, provider: openai, prompts: {llm-rubric: prompts/judge.md}, min-agreement: 0.8}
        pricing:
          gpt-4.1-mini: {input: 0.40, output: 1.60}
        run: {k: 5, concurrency: 8, timeout-s: 30, retries: 2, max-tool-iterations: 6, max-case-file-bytes: 2048}
        gate:
          min-pass-rate: 0.9
          max-pass-rate-drop: 0.05
          p0-regressions: 0
          min-consistency: ~
          max-cost-ratio: 2
          max-p95-latency-ms: 8000
          max-infra-error-rate: 0.1
          slices: [refunds, "locale:*"]
        harvest:
          feedback: fixtures/feedback/*.jsonl
          traces: [fixtures/traces/*.json, fixtures/logs/*.json]
          out: golden-set/harvested
          mapping-store: .agentops/mapping.db
          key-env: AGENTOPS_HMAC_KEY
          limit: 20
          thresholds: {tool-error-streak: 2, cost-percentile: 95}
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IReadOnlyList<Problem> Problems(string yaml)
    {
        var path = _folder.Write("eval.config.yaml", yaml);
        var e = Assert.Throws<InputException>(() => ConfigLoader.Load(path));
        Assert.All(e.Problems, p => Assert.Equal(path, p.Location.File));
        return e.Problems;
    }

    /// <summary>The single problem, checked to carry the line and field.</summary>
    private Problem OnlyProblem(string yaml, string field, int line)
    {
        var problems = Problems(yaml);
        Assert.True(problems.Count == 1, string.Join("\n", problems));
        var problem = problems[0];
        Assert.Equal(field, problem.Field);
        Assert.Equal(line, problem.Location.Line);
        return problem;
    }

    [Fact]
    public void Loads_every_section()
    {
        var path = _folder.Write("eval.config.yaml", FullConfig);

        var config = ConfigLoader.Load(path);

        Assert.Equal(_folder.Root, config.BaseDirectory);
        Assert.Equal("cases", config.GoldenSet);
        Assert.Equal(["agent", "local", "openai", "replay"], config.Providers.Keys.Order());
        Assert.Equal("OPENAI_API_KEY", config.Providers["openai"].ApiKeyEnv);
        Assert.Equal("fixtures/cassettes", config.Providers["replay"].Cassettes);
        Assert.Equal(new CandidateConfig("next", "prompts/support.v4.md", "gpt-5-mini", "openai", "http"), config.Candidates["next"]);
        Assert.Equal("chat", config.Candidates["prod"].Target);
        Assert.Equal("prod", config.Baseline);
        Assert.Equal("prompts/judge.md", config.Judge!.Prompts!["llm-rubric"]);
        Assert.Equal(0.8, config.Judge.MinAgreement);
        Assert.Equal(new ModelPrice(0.40m, 1.60m), config.Pricing["gpt-4.1-mini"]);
        Assert.Equal(new RunOptions { K = 5, Concurrency = 8, TimeoutSeconds = 30, Retries = 2, MaxToolIterations = 6, MaxCaseFileBytes = 2048 }, config.Run);
        Assert.Equal(0.9, config.Gate.MinPassRate);
        Assert.Null(config.Gate.MinConsistency);
        Assert.Equal(2, config.Gate.MaxCostRatio);
        Assert.Equal(0.1, config.Gate.MaxInfraErrorRate);
        Assert.Equal(["refunds", "locale:*"], config.Gate.Slices);
        Assert.Equal(["fixtures/feedback/*.jsonl"], config.Harvest.Feedback);
        Assert.Equal(["fixtures/traces/*.json", "fixtures/logs/*.json"], config.Harvest.Traces);
        Assert.Equal(20, config.Harvest.Limit);
        Assert.Equal(95, config.Harvest.Thresholds["cost-percentile"]);
    }

    [Fact]
    public void Keeps_defaults_for_what_is_not_written()
    {
        var path = _folder.Write("eval.config.yaml", "providers:\n  replay: {type: replay, cassettes: rec}\n");

        var config = ConfigLoader.Load(path);

        Assert.Equal(new RunOptions(), config.Run);
        Assert.Equal(new GateOptions().MinPassRate, config.Gate.MinPassRate);
        Assert.Equal("rec", config.Providers["replay"].Cassettes);
        Assert.Null(config.Judge);
    }

    [Fact]
    public void Default_is_offline_replay_without_candidates()
    {
        var config = ConfigLoader.Default(_folder.Root);

        var provider = Assert.Single(config.Providers.Values);
        Assert.Equal(("replay", "fixtures/cassettes"), (provider.Type, provider.Cassettes));
        Assert.Empty(config.Candidates);
        Assert.Equal(Path.Combine(_folder.Root, "fixtures/cassettes"), config.Resolve(provider.Cassettes!));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var path = Path.Combine(_folder.Root, "nope.yaml");

        var e = Assert.Throws<InputException>(() => ConfigLoader.Load(path));

        Assert.Equal(path, Assert.Single(e.Problems).Location.File);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Reports_yaml_syntax_errors_with_position()
    {
        var problem = Assert.Single(Problems("providers:\n  replay: {type: replay\nrun: {k: 3}\n"));
        // YamlDotNet reports an unclosed brace where it gave up: the end of the last complete token.
        Assert.InRange(problem.Location.Line, 2, 3);
        Assert.True(problem.Location.Column > 0);
        Assert.Contains("invalid YAML", problem.Message);
    }

    [Fact]
    public void Reports_an_empty_file()
    {
        var problem = OnlyProblem("# nothing yet\n", "", 0);
        Assert.Contains("empty file", problem.Message);
    }

    [Theory]
    [InlineData("candidate: {}\n", "candidate", 1, "did you mean `candidates`?")]
    [InlineData("run:\n  concurency: 4\n", "run.concurency", 2, "did you mean `concurrency`?")]
    [InlineData("providers:\n  p: {type: openai, endpoit: \"https://x/v1\"}\n", "providers.p.endpoit", 2, "did you mean `endpoint`?")]
    [InlineData("gate:\n  min-pass-rte: 0.9\n", "gate.min-pass-rte", 2, "did you mean `min-pass-rate`?")]
    [InlineData("harvest:\n  limt: 3\n", "harvest.limt", 2, "did you mean `limit`?")]
    [InlineData("providers: {r: {type: replay}}\ncandidates:\n  c: {model: m, provider: r, promt: p.md}\n", "candidates.c.promt", 3, "did you mean `prompt`?")]
    public void Suggests_names_for_unknown_keys_at_every_level(string yaml, string field, int line, string expected)
    {
        var problem = OnlyProblem(yaml, field, line);
        Assert.Contains("unknown field", problem.Message);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void A_candidate_must_use_a_defined_provider()
    {
        var problem = OnlyProblem("providers: {openai: {type: openai, endpoint: \"https://x/v1\"}}\ncandidates:\n  c: {model: m, provider: opneai}\n", "candidates.c.provider", 3);
        Assert.Contains("found provider 'opneai'", problem.Message);
        Assert.Contains("did you mean `openai`?", problem.Message);
    }

    [Fact]
    public void The_baseline_must_name_a_candidate()
    {
        var problem = OnlyProblem("providers: {r: {type: replay}}\ncandidates: {prod: {model: m, provider: r}}\nbaseline: main\n", "baseline", 3);
        Assert.Contains("found candidate 'main'", problem.Message);
        Assert.Contains("prod", problem.Message);
    }

    [Fact]
    public void The_judge_must_use_a_defined_provider()
    {
        var problem = OnlyProblem("providers: {r: {type: replay}}\njudge: {model: gpt-4.1, provider: openai}\n", "judge.provider", 2);
        Assert.Contains("found provider 'openai'", problem.Message);
    }

    [Fact]
    public void Rejects_an_unknown_provider_type()
    {
        var problem = OnlyProblem("providers:\n  p: {type: opnai, endpoint: \"https://x/v1\"}\n", "providers.p.type", 2);
        Assert.Contains("expected one of openai, azure-openai, anthropic, ollama, replay, http", problem.Message);
        Assert.Contains("did you mean `openai`?", problem.Message);
    }

    [Fact]
    public void An_openai_provider_needs_an_endpoint()
    {
        var problem = OnlyProblem("providers:\n  p: {type: openai, api-key-env: KEY}\n", "providers.p.endpoint", 2);
        Assert.Contains("missing field `endpoint`", problem.Message);
    }

    [Fact]
    public void Rejects_an_endpoint_that_is_not_a_url()
    {
        var problem = OnlyProblem("providers:\n  p: {type: openai, endpoint: api.example.com}\n", "providers.p.endpoint", 2);
        Assert.Contains("expected an absolute http(s) URL", problem.Message);
    }

    [Fact]
    public void Leaves_environment_placeholders_in_endpoints_for_use_time()
    {
        var path = _folder.Write("eval.config.yaml", "providers:\n  live: {type: openai, endpoint: \"${AGENTOPS_UNSET_ENDPOINT_FOR_TEST}\", api-key-env: KEY}\n");

        var config = ConfigLoader.Load(path);

        Assert.Equal("${AGENTOPS_UNSET_ENDPOINT_FOR_TEST}", config.Providers["live"].Endpoint);
    }

    [Fact]
    public void Rejects_a_secret_written_inline_without_echoing_it()
    {
        var problem = OnlyProblem("providers:\n  p:\n    type: openai\n    endpoint: \"https://x/v1\"\n    api-key: sk-live-0123456789abcdef\n", "providers.p.api-key", 5);
        Assert.Contains("api-key-env", problem.Message);
        Assert.DoesNotContain("sk-live", problem.ToString());
    }

    [Fact]
    public void Rejects_a_key_pasted_into_api_key_env_without_echoing_it()
    {
        var problem = OnlyProblem("providers:\n  p: {type: openai, endpoint: \"https://x/v1\", api-key-env: sk-live-0123456789abcdef}\n", "providers.p.api-key-env", 2);
        Assert.Contains("environment variable name", problem.Message);
        Assert.DoesNotContain("sk-live", problem.ToString());
    }

    [Theory]
    [InlineData("run: {k: 0}\n", "run.k", "found '0', expected a whole number from 1")]
    [InlineData("run: {k: three}\n", "run.k", "found 'three', expected a whole number")]
    [InlineData("run: {concurrency: 0}\n", "run.concurrency", "expected a whole number from 1")]
    [InlineData("run: {timeout-s: 0}\n", "run.timeout-s", "expected a number > 0")]
    [InlineData("run: [1, 2]\n", "run", "found a list, expected a mapping")]
    [InlineData("gate: {min-pass-rate: 1.5}\n", "gate.min-pass-rate", "expected a number from 0 to 1")]
    [InlineData("gate: {max-infra-error-rate: -0.1}\n", "gate.max-infra-error-rate", "expected a number from 0 to 1")]
    [InlineData("gate: {p0-regressions: -1}\n", "gate.p0-regressions", "expected a whole number from 0")]
    [InlineData("gate: {slices: refunds}\n", "gate.slices", "expected a list")]
    [InlineData("judge: {model: m, provider: r, min-agreement: 2}\n", "judge.min-agreement", "expected a number from 0 to 1")]
    [InlineData("pricing: {m: {input: cheap, output: 1}}\n", "pricing.m.input", "found 'cheap', expected a number ≥ 0")]
    [InlineData("harvest: {limit: 0}\n", "harvest.limit", "expected a whole number from 1")]
    [InlineData("harvest: {thresholds: {cost-percentile: high}}\n", "harvest.thresholds.cost-percentile", "expected a number")]
    public void Reports_values_of_the_wrong_type_or_out_of_range(string yaml, string field, string expected)
    {
        var problem = OnlyProblem("providers: {r: {type: replay}}\n" + yaml, field, 2);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void Reports_every_problem_at_once_in_line_order()
    {
        var problems = Problems("""
            providers:
              p: {type: openai}
            candidates:
              c: {model: m, provider: q}
            baseline: d
            run: {k: 0}
            gaet: {}
            """);

        Assert.Equal(
            [(2, "providers.p.endpoint"), (4, "candidates.c.provider"), (5, "baseline"), (6, "run.k"), (7, "gaet")],
            problems.Select(p => (p.Location.Line, p.Field)));
    }
}
