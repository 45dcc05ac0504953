using Microsoft.Extensions.AI;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.TestSupport;
using RepoPaths = AgentOps.Evals.Tests.Cases.RepoPaths;

namespace AgentOps.Evals.Tests.Targets;

/// <summary>In-process targets reached from config (targets: {name: {assembly, type}}) and from code, and the sample
/// Agent Framework agent gated from the CLI on its cassettes.</summary>
public sealed class InProcessTargetConfigTests
{
    private static readonly string SampleConfig = Path.Combine(RepoPaths.Root, "samples", "SupportAgent", "eval.config.yaml");

    private static EvalConfig Load(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("inproc-config-").FullName;
        var path = Path.Combine(dir, "eval.config.yaml");
        File.WriteAllText(path, yaml);
        return ConfigLoader.Load(path);
    }

    private const string Providers = "providers:\n  replay: {type: replay, cassettes: cassettes}\n";

    [Fact]
    public void A_configured_target_whose_assembly_is_missing_is_an_error_at_its_config_line_only_when_a_candidate_uses_it()
    {
        var config = Load(Providers + "targets:\n  mine: {assembly: bin/Nope.dll, type: Team.AgentFactory}\ncandidates:\n  prod: {model: m, provider: replay}\n  agent: {model: m, provider: replay, target: mine}\n");

        Assert.IsType<ChatTarget>(CandidateSession.Open(config, "prod").Target);
        var error = Assert.Throws<InputException>(() => CandidateSession.Open(config, "agent"));
        var problem = Assert.Single(error.Problems);
        Assert.Equal("targets.mine", problem.Field);
        Assert.Equal(4, problem.Location.Line); // the "mine:" entry under targets:
        Assert.Contains("assembly not found", problem.Message);
    }

    [Fact]
    public void A_configured_type_that_is_not_a_target_factory_says_what_to_implement()
    {
        var dll = typeof(InProcessTargetConfigTests).Assembly.Location;
        var config = Load(Providers + $"targets:\n  mine: {{assembly: \"{dll}\", type: {typeof(InProcessTargetConfigTests).FullName}}}\ncandidates:\n  agent: {{model: m, provider: replay, target: mine}}\n");

        var problem = Assert.Single(Assert.Throws<InputException>(() => CandidateSession.Open(config, "agent")).Problems);
        Assert.Contains("does not implement AgentOps.Evals.Targets.ITargetFactory", problem.Message);
    }

    [Fact]
    public void A_built_in_name_cannot_be_taken_and_an_unknown_target_lists_the_known_ones()
    {
        var builtIn = Assert.Throws<InputException>(() => Load(Providers + "targets:\n  chat: {assembly: a.dll, type: T}\n"));
        Assert.Contains(builtIn.Problems, p => p.Field == "targets.chat" && p.Message.Contains("built-in"));

        var config = Load(Providers + "candidates:\n  agent: {model: m, provider: replay, target: mystery}\n");
        var registry = new TargetRegistry().Register("support", (ITarget)new ChatTarget(new ScriptedChatClient((_, _, _) => ScriptedChatClient.Text("hi")), "m", null, 1));
        var unknown = Assert.Single(Assert.Throws<InputException>(() => CandidateSession.Open(config, "agent", targets: registry)).Problems);
        Assert.Equal("candidates.agent.target", unknown.Field);
        Assert.Contains("support", unknown.Message);
    }

    [Fact]
    public void A_target_registered_in_code_is_built_on_the_candidates_pipeline()
    {
        var config = Load(Providers + "candidates:\n  agent: {model: gpt-x, provider: replay, target: support}\n");
        TargetContext? seen = null;
        var registry = new TargetRegistry().Register("support", context => { seen = context; return new ChatClientTarget(context); });

        var session = CandidateSession.Open(config, "agent", targets: registry);

        Assert.IsType<ChatClientTarget>(session.Target);
        Assert.Equal(("agent", "gpt-x", 8), (seen!.Candidate, seen.Model, seen.MaxToolIterations));
        Assert.NotNull(seen.ChatClient);
    }

    [Fact]
    public async Task The_sample_Agent_Framework_agent_is_gated_from_the_CLI_on_cassettes_and_passes_like_the_chat_candidate()
    {
        var store = Path.Combine(Directory.CreateTempSubdirectory("inproc-gate-").FullName, "results.db");

        // Every case, the multi-turn orders-conversation-013 included: the agent plays its turns through the chat target's loop.
        var gate = await CliProcess.RunAsync("gate", "--config", SampleConfig, "--candidate", "agent", "--store", store);

        Assert.True(gate.ExitCode == 0, gate.All);
        Assert.Contains("GATE PASS", gate.Stdout);
        Assert.Contains("[agent] 156/156 trials (100%): 156 passed, 0 failed, 0 infrastructure errors", gate.All);

        // This case expects a tool-called assertion: it passes only when the agent's Agent Framework loop called the case's
        // mocked tool with the right arguments, and that call landed in the trial's trajectory.
        Assert.Contains("tool-called", File.ReadAllText(Path.Combine(RepoPaths.Root, "golden-set", "orders", "orders-status-shipped-001.yaml")));
        var run = await CliProcess.RunAsync("run", "--config", SampleConfig, "--candidate", "agent", "--store", store, "--filter", "id:orders-status-shipped-001", "--json");
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Contains("\"passed\": 3", run.Stdout);
    }
}

/// <summary>A target registered on the workspace from code is what EvalWorkspace.RunCaseAsync (the test adapters' call) runs.</summary>
public sealed class WorkspaceTargetRegistrationTests
{
    [Fact]
    public async Task A_team_agent_registered_on_the_workspace_answers_a_case_with_the_cases_mocked_tools()
    {
        var dir = Directory.CreateTempSubdirectory("inproc-ws-").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "golden-set"));
        File.WriteAllText(Path.Combine(dir, "golden-set", "orders-001.yaml"), """
            id: orders-001
            title: Order status
            input:
              messages: [{role: user, content: "Where is order A-1001?"}]
              tools:
                - {name: get_order_status, description: Look up an order, parameters: {type: object, properties: {order_id: {type: string}}}, returns: {status: delivered}}
            expect:
              - {type: tool-called, name: get_order_status, args: {order_id: "A-1001"}}
              - {type: contains, value: delivered}
            """);
        File.WriteAllText(Path.Combine(dir, "eval.config.yaml"), "providers:\n  replay: {type: replay, cassettes: cassettes}\ncandidates:\n  agent: {model: m, provider: replay, target: team-agent}\nrun: {k: 2}\n");
        var workspace = AgentOps.Evals.Application.EvalWorkspace.Open(new AgentOps.Evals.Application.WorkspacePaths(Path.Combine(dir, "eval.config.yaml"), ConfigRequired: true));
        var model = new ScriptedChatClient((messages, _, _) =>
            messages[^1].Contents.OfType<Microsoft.Extensions.AI.FunctionResultContent>().FirstOrDefault() is { } result
                ? ScriptedChatClient.Text("Your order is " + (result.Result?.ToString()?.Contains("delivered") == true ? "delivered" : "unknown"))
                : ScriptedChatClient.ToolCall("get_order_status", new() { ["order_id"] = "A-1001" }));
        // The team's agent on its own model client (a test double here) instead of the candidate's pipeline.
        workspace.Targets.Register("team-agent", context => new AgentOps.Evals.Agents.AgentTarget(context with { ChatClient = model },
            (chat, instructions) => chat.AsAIAgent(instructions: instructions)));

        var result = await workspace.RunCaseAsync("agent", "orders-001");

        Assert.Equal(2, result.Trials.Count);
        Assert.All(result.Trials, t => Assert.True(t.Passed, string.Join("; ", t.Assertions.Where(a => !a.Passed).Select(a => a.Reason)) + t.Error));
        Assert.All(result.Trials, t => Assert.Equal("get_order_status", Assert.Single(t.Trajectory.ToolCalls).Name));
    }
}
