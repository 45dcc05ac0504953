using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;

namespace AgentOps.Evals.Tests.Robustness;

/// <summary>Issue 14's hostile inputs: each is a problem naming file, line and field (exit 2), never a crash or a pass.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IReadOnlyList<Problem> CaseProblems(string yaml)
    {
        // A case file is named for its id.
        var id = yaml.Split('\n')[0]["id: ".Length..].Trim();
        var path = _folder.Write($"suite/{id}.yaml", yaml);
        return GoldenSetLoader.LoadFile(path, _folder.Root, TestEvaluator.Registry(), new RunOptions()).Problems;
    }

    [Fact]
    public void A_timeout_too_large_for_a_TimeSpan_is_a_config_problem_on_its_line()
    {
        var path = _folder.Write("eval.config.yaml", "providers:\n  replay: {type: replay}\nrun:\n  timeout-s: 1e300\n");
        var problem = Assert.Single(Assert.Throws<InputException>(() => ConfigLoader.Load(path)).Problems);
        Assert.Equal("run.timeout-s", problem.Field);
        Assert.Equal(4, problem.Location.Line);
        Assert.Contains("86400", problem.Message);
    }

    [Fact]
    public void An_active_case_without_messages_does_not_load()
    {
        var problem = Assert.Single(CaseProblems("""
            id: empty-input
            title: nothing to say
            status: active
            input: {}
            expect:
              - {type: not-contains, value: "refund"}
            """));
        Assert.Equal("input.messages", problem.Field);
        Assert.Equal(4, problem.Location.Line);
        Assert.Contains("no messages", problem.Message);
    }

    [Fact]
    public void A_needs_label_case_may_wait_for_its_messages()
    {
        Assert.Empty(CaseProblems("""
            id: draft
            title: draft
            status: needs-label
            input: {}
            """));
    }

    [Fact]
    public void A_tool_whose_parameters_are_not_a_json_schema_does_not_load()
    {
        var problems = CaseProblems("""
            id: bad-tool
            title: bad tool schema
            input:
              messages: [{role: user, content: "Where is A-1?"}]
              tools:
                - name: get_order_status
                  parameters: {type: objeckt, properties: 5}
            expect:
              - {type: contains, value: "delivered"}
            """);
        Assert.Equal(["input.tools[0].parameters.type", "input.tools[0].parameters.properties"], problems.Select(p => p.Field));
        Assert.All(problems, p => Assert.Equal(7, p.Location.Line));
        Assert.Contains("'objeckt'", problems[0].Message);
    }

    [Fact]
    public void A_valid_nested_tool_schema_loads()
    {
        Assert.Empty(CaseProblems("""
            id: good-tool
            title: good tool schema
            input:
              messages: [{role: user, content: "Where is A-1?"}]
              tools:
                - name: find
                  parameters:
                    type: object
                    properties:
                      ids: {type: array, items: {type: [string, "null"]}}
                      mode: {anyOf: [{type: string, enum: [a, b]}, {type: integer}]}
                    required: [ids]
                    additionalProperties: false
            expect:
              - {type: contains, value: "delivered"}
            """));
    }

    [Fact]
    public void An_unset_variable_in_an_endpoint_names_the_config_line()
    {
        var variable = "AGENTOPS_TEST_UNSET_" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var path = _folder.Write("eval.config.yaml", $$"""
            providers:
              live:
                type: openai
                endpoint: "https://${{{variable}}}/v1"
            candidates:
              prod: {model: m, provider: live}
            """);
        var config = ConfigLoader.Load(path);
        var e = Assert.Throws<InputException>(() => ChatClientFactory.CreateOpenAI(config.Providers["live"], config, "m"));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("providers.live.endpoint", problem.Field);
        Assert.Equal(Path.GetFullPath(path), problem.Location.File);
        Assert.Equal(4, problem.Location.Line);
        Assert.Contains(variable, problem.Message);
    }

    [Fact]
    public async Task A_million_trials_on_the_command_line_is_refused_like_in_the_config()
    {
        var store = Path.Combine(_folder.Root, "results.db");
        var result = await CliProcess.RunAsync("run", "-k", "1000000", "--store", store);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("-k", result.Stderr);
        Assert.Contains("from 1 to 1000", result.Stderr);
        Assert.DoesNotContain("   at ", result.All);
    }
}
