using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Providers;
using AgentOps.Evals.Running;
using AgentOps.Evals.Targets;
using AgentOps.Evals.Tests.Cases;
using AgentOps.Evals.Tests.TestSupport;
using Microsoft.Extensions.AI;

namespace AgentOps.Evals.Tests.Config;

/// <summary>Per-candidate model settings: config, identity, what reaches the model, the cassette key, and the candidate matrix.</summary>
public sealed class ModelSettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private const string Head = """
        providers:
          replay: {type: replay, cassettes: cassettes}
        """;

    private EvalConfig Load(string yaml) => ConfigLoader.Load(_folder.Write("eval.config.yaml", Head + "\n" + yaml));

    private IReadOnlyList<Problem> Problems(string yaml) =>
        Assert.Throws<InputException>(() => Load(yaml)).Problems;

    [Fact]
    public void Settings_load_from_the_candidate_and_become_part_of_its_identity()
    {
        _folder.Write("p.md", "You help.");
        var config = Load("""
            candidates:
              cold:
                prompt: p.md
                model: m
                provider: replay
                settings:
                  temperature: 0
                  top-p: 0.9
                  max-output-tokens: 300
                  seed: 7
                  stop: ["END"]
                  reasoning-effort: low
                  response-format: json_object
                  tool-choice: required
              plain: {prompt: p.md, model: m, provider: replay}
            """);
        var settings = config.Candidates["cold"].Settings;
        Assert.Equal("temperature=0 top-p=0.9 max-output-tokens=300 seed=7 stop=[\"END\"] reasoning-effort=low response-format=json_object tool-choice=required",
            settings.Describe());
        var cold = CandidateSession.Open(config, "cold").Identity;
        var plain = CandidateSession.Open(config, "plain").Identity;
        Assert.Equal(settings.Describe(), cold.Settings);
        Assert.Equal("", plain.Settings);
        // Same model, prompt and provider: the settings alone make them different candidates.
        Assert.NotEqual(cold with { Name = "x" }, plain with { Name = "x" });
    }

    [Fact]
    public async Task The_settings_reach_every_request_and_a_cases_response_format_wins()
    {
        var seen = new List<ChatOptions?>();
        var client = new ScriptedChatClient((_, options, _) => { seen.Add(options); return ScriptedChatClient.Text("{}"); });
        var settings = new ModelSettings(Temperature: 0.2, TopP: 0.5, MaxOutputTokens: 99, Seed: 3, Stop: ["##"], ReasoningEffort: "high",
            ResponseFormat: "json_object", ToolChoice: "get_order_status");
        var target = new ChatTarget(client, "m", null, 8) { Settings = settings };
        var identity = new CandidateIdentity("c", "m", "none", "p", "0");

        await target.RespondAsync(new TrialRequest(TestCases.Make("a"), 0, identity), CancellationToken.None);
        var schema = System.Text.Json.Nodes.JsonNode.Parse("""{"type": "object"}""")!.AsObject();
        var structured = TestCases.Make("b") with { Input = TestCases.Make("b").Input with { ResponseFormat = new ResponseFormatSpec("json_schema", schema, "order") } };
        await target.RespondAsync(new TrialRequest(structured, 0, identity), CancellationToken.None);

        var options = seen[0]!;
        Assert.Equal((0.2f, 0.5f, 99, 3L), (options.Temperature, options.TopP, options.MaxOutputTokens, options.Seed));
        Assert.Equal(["##"], options.StopSequences!);
        Assert.Equal(ReasoningEffort.High, options.Reasoning!.Effort);
        Assert.Equal("get_order_status", Assert.IsType<RequiredChatToolMode>(options.ToolMode).RequiredFunctionName);
        Assert.Null(Assert.IsType<ChatResponseFormatJson>(options.ResponseFormat).Schema);
        var format = Assert.IsType<ChatResponseFormatJson>(seen[1]!.ResponseFormat);
        Assert.Equal("order", format.SchemaName);
        Assert.Equal("object", format.Schema!.Value.GetProperty("type").GetString());
    }

    [Fact]
    public void Bad_settings_are_reported_with_line_and_field()
    {
        var problems = Problems("""
            candidates:
              a:
                model: m
                provider: replay
                settings: {temperature: 3, reasoning-effort: huge, response-format: json_schema, topp: 1}
            """);
        var fields = problems.Select(p => p.Field).ToList();
        Assert.Contains("candidates.a.settings.temperature", fields);
        Assert.Contains("candidates.a.settings.reasoning-effort", fields);
        Assert.Contains("candidates.a.settings.response-format", fields);
        Assert.Contains(problems, p => p.Field.StartsWith("candidates.a.settings", StringComparison.Ordinal) && p.Message.Contains("topp"));
        Assert.All(problems, p => Assert.Equal(7, p.Location.Line));
    }

    [Fact]
    public void A_matrix_expands_prompts_by_models_by_settings_into_named_candidates()
    {
        var config = Load("""
            candidates:
              prod: {model: m, provider: replay}
            matrix:
              provider: replay
              prompts: {v3: prompts/v3.md, v4: prompts/v4.md}
              models: [gpt-4.1-mini, gpt-5-mini]
              settings: {default: {}, cold: {temperature: 0, seed: 1}}
            """);
        var generated = config.Candidates.Keys.Where(k => k != "prod").Order().ToList();
        Assert.Equal(8, generated.Count);
        Assert.Contains("v3.gpt-4.1-mini.cold", generated);
        Assert.Contains("v4.gpt-5-mini.default", generated);
        var cold = config.Candidates["v4.gpt-5-mini.cold"];
        Assert.Equal(("prompts/v4.md", "gpt-5-mini", "replay"), (cold.Prompt, cold.Model, cold.Provider));
        Assert.Equal("temperature=0 seed=1", cold.Settings.Describe());
        Assert.True(config.Candidates["v3.gpt-4.1-mini.default"].Settings.IsEmpty);
    }

    [Fact]
    public void A_matrix_name_that_collides_with_a_candidate_or_an_unknown_provider_is_an_error()
    {
        var collision = Problems("""
            candidates:
              v3.m: {model: m, provider: replay}
            matrix:
              provider: replay
              prompts: {v3: p.md}
              models: [m]
            """);
        Assert.Contains(collision, p => p.Field == "matrix" && p.Message.Contains("'v3.m'"));
        var unknown = Problems("""
            matrix:
              provider: nope
              prompts: {v3: p.md}
              models: [m]
            """);
        Assert.Contains(unknown, p => p.Field == "candidates.v3.m.provider" && p.Location.Line == 4);
    }

    [Fact]
    public void The_cassette_key_changes_with_each_setting_and_stays_as_it_was_without_them()
    {
        List<ChatMessage> messages = [new(ChatRole.User, "hi")];
        var plain = CassetteKey.Compute("m", messages, new ChatOptions { ModelId = "m" }, 0);
        Assert.Equal(plain, CassetteKey.Compute("m", messages, null, 0));
        var variants = new[]
        {
            new ChatOptions { Seed = 1 }, new ChatOptions { TopP = 0.5f }, new ChatOptions { StopSequences = ["x"] },
            new ChatOptions { Reasoning = new ReasoningOptions { Effort = ReasoningEffort.Low } }, new ChatOptions { ToolMode = ChatToolMode.RequireAny },
            new ChatOptions { ResponseFormat = ChatResponseFormat.Json },
        }.Select(o => CassetteKey.Compute("m", messages, o, 0)).ToList();
        Assert.Equal(variants.Count, variants.Distinct().Count());
        Assert.DoesNotContain(plain, variants);

        var a = ChatResponseFormat.ForJsonSchema(System.Text.Json.JsonDocument.Parse("""{"type":"object"}""").RootElement, "a");
        var b = ChatResponseFormat.ForJsonSchema(System.Text.Json.JsonDocument.Parse("""{"type":"array"}""").RootElement, "a");
        Assert.NotEqual(CassetteKey.Compute("m", messages, new() { ResponseFormat = a }, 0), CassetteKey.Compute("m", messages, new() { ResponseFormat = b }, 0));
        // The judge's keys leave its schema out, as they were recorded.
        Assert.Equal(CassetteKey.Compute("m", messages, new() { ResponseFormat = a }, 0, keySchema: false),
            CassetteKey.Compute("m", messages, new() { ResponseFormat = ChatResponseFormat.Json }, 0));
    }
}
