using System.Text;
using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Tests.Cases;

public sealed class GoldenSetLoaderTests : IDisposable
{
    internal const string ValidCase = """
        id: refunds-eu-012
        title: EU customer asks about the refund window
        tags: [refunds, "locale:de-DE", "tier:enterprise"]
        severity: P0
        status: active
        source: thumbs-down-2026-06-29
        created: 2026-06-30
        owner: payments
        input:
          messages:
            - {role: user, content: "Can I send my order back after 30 days? I live in Germany."}
          vars: {customer_tier: enterprise, max_items: 3}
          context: ["EU withdrawal right: 14 days from delivery."]
          tools:
            - name: get_order_status
              description: Look up an order
              parameters: {type: object, properties: {order_id: {type: string}}, required: [order_id]}
              returns: {status: delivered, delivered_at: "2026-06-01", items: 2, gift: false, note: ~}
        expect:
          - {type: contains, value: "14 days"}
          - {type: not-contains, value: "30 days"}
          - {type: tool-called, name: get_order_status, args: {order_id: "A-1001"}}
          - {type: llm-rubric, rubric: "States the 14-day EU withdrawal right", min-score: 4}
          - {type: max-latency-ms, value: 8000}
        consistency: {k: 5, min-agreement: 0.9}
        expect-judge: pass
        evidence: {flags: [thumbs-down], count: 3}
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private GoldenSetLoadResult Load(RunOptions? options = null) =>
        GoldenSetLoader.Load(_folder.Root, TestEvaluator.Registry(), options ?? new RunOptions());

    /// <summary>The one problem of the set, checked to name the file, line (when known) and field.</summary>
    private static Problem OnlyProblem(GoldenSetLoadResult result, string file, string field, int line)
    {
        var problem = Assert.Single(result.Problems);
        Assert.Equal(file, problem.Location.File);
        Assert.Equal(field, problem.Field);
        Assert.Equal(line, problem.Location.Line);
        if (line > 0) Assert.True(problem.Location.Column > 0);
        Assert.Contains(file, problem.ToString());
        return problem;
    }

    [Fact]
    public void Loads_every_field_of_a_valid_case()
    {
        var file = _folder.Write("refunds/eu/refunds-eu-012.yaml", ValidCase);

        var result = Load();

        Assert.Empty(result.Problems);
        var c = Assert.Single(result.Cases);
        Assert.Equal("refunds-eu-012", c.Id);
        Assert.Equal("refunds/eu", c.Suite);
        Assert.Equal(["refunds", "locale:de-DE", "tier:enterprise"], c.Tags);
        Assert.Equal(Severity.P0, c.Severity);
        Assert.Equal(CaseStatus.Active, c.Status);
        Assert.Equal(new DateOnly(2026, 6, 30), c.Created);
        Assert.Equal("payments", c.Owner);
        Assert.Equal(file, c.Location.File);
        Assert.Equal("user", Assert.Single(c.Input.Messages).Role);
        Assert.Equal("enterprise", c.Input.Vars["customer_tier"]);
        Assert.Equal("3", c.Input.Vars["max_items"]);
        Assert.Equal("EU withdrawal right: 14 days from delivery.", Assert.Single(c.Input.Context));
        var tool = Assert.Single(c.Input.Tools);
        Assert.Equal("object", tool.Parameters!["type"]!.GetValue<string>());
        var returns = tool.Returns!.AsObject();
        Assert.Equal("2026-06-01", returns["delivered_at"]!.GetValue<string>());
        Assert.Equal(2, returns["items"]!.GetValue<long>());
        Assert.False(returns["gift"]!.GetValue<bool>());
        Assert.True(returns.ContainsKey("note") && returns["note"] is null);
        Assert.Equal(["contains", "not-contains", "tool-called", "llm-rubric", "max-latency-ms"], c.Expect.Select(e => e.Type));
        Assert.Equal(4, c.Expect[3].GetNumber("min-score"));
        Assert.Equal("A-1001", c.Expect[2].Args["args"]!["order_id"]!.GetValue<string>());
        Assert.Equal(20, c.Expect[0].Location.Line);
        Assert.Equal(new ConsistencyOverride(5, 0.9), c.Consistency);
        Assert.True(c.ExpectJudge);
        Assert.Equal(3, c.Evidence!["count"]!.GetValue<long>());
    }

    [Fact]
    public void Sorts_by_id_skips_non_yaml_files_and_reads_yml()
    {
        _folder.Write("b-case.yaml", Minimal("b-case"));
        _folder.Write("x/a-case.yml", Minimal("a-case"));
        _folder.Write("case.schema.json", "{}");
        _folder.Write("notes.md", "# not a case");

        var result = Load();

        Assert.Empty(result.Problems);
        Assert.Equal(["a-case", "b-case"], result.Cases.Select(c => c.Id));
        Assert.Equal(["x", ""], result.Cases.Select(c => c.Suite));
    }

    [Fact]
    public void Loads_needs_label_cases_without_assertions()
    {
        _folder.Write("harvested/h-1.yaml", "id: h-1\nstatus: needs-label\ninput: {messages: [{role: user, content: hi}]}\n");

        var c = Assert.Single(Load().Cases);

        Assert.Equal(CaseStatus.NeedsLabel, c.Status);
        Assert.Empty(c.Expect);
    }

    [Fact]
    public void Reports_yaml_syntax_errors_with_position()
    {
        var file = _folder.Write("broken.yaml", "id: broken\ntitle: x\n  bad: indent\n");

        var problem = OnlyProblem(Load(), file, "", 3);
        Assert.Contains("invalid YAML", problem.Message);
    }

    [Fact]
    public void Reports_an_unclosed_bracket_as_a_syntax_error()
    {
        var file = _folder.Write("open.yaml", "id: open\ntags: [a, b\ninput: {}\n");

        var problem = Assert.Single(Load().Problems);

        Assert.Equal(file, problem.Location.File);
        Assert.True(problem.Location.Line >= 2);
        Assert.Contains("invalid YAML", problem.Message);
    }

    [Fact]
    public void Suggests_the_closest_name_for_an_unknown_field()
    {
        var file = _folder.Write("c1.yaml", Minimal("c1").Replace("title:", "tittle:"));

        var problem = OnlyProblem(Load(), file, "tittle", 2);
        Assert.Contains("did you mean `title`?", problem.Message);
    }

    [Fact]
    public void Suggests_names_for_unknown_nested_fields()
    {
        var file = _folder.Write("c1.yaml", "id: c1\ninput:\n  mesages: [{role: user, content: hi}]\nexpect: [{type: contains, value: x}]\n");

        var problem = OnlyProblem(Load(), file, "input.mesages", 3);
        Assert.Contains("did you mean `messages`?", problem.Message);
    }

    [Fact]
    public void Reports_unknown_assertion_types_with_a_suggestion()
    {
        var file = _folder.Write("c1.yaml", Minimal("c1").Replace("type: contains", "type: contain"));

        var problem = OnlyProblem(Load(), file, "expect[0].type", 7);
        Assert.Contains("'contain'", problem.Message);
        Assert.Contains("did you mean `contains`?", problem.Message);
    }

    [Fact]
    public void Reports_the_evaluators_own_problems_at_the_field()
    {
        var file = _folder.Write("c1.yaml", Minimal("c1") + "  - type: regex\n    value: \"([a-z\"\n");

        var problem = OnlyProblem(Load(), file, "expect[1].value", 10);
        Assert.Contains("does not compile", problem.Message);
    }

    [Fact]
    public void Reports_duplicate_ids_naming_both_files()
    {
        var first = _folder.Write("a/dup.yaml", Minimal("dup"));
        var second = _folder.Write("b/dup.yaml", Minimal("dup"));

        var result = Load();

        var problem = OnlyProblem(result, second, "id", 1);
        Assert.Contains(first, problem.Message);
        Assert.Contains("duplicate id 'dup'", problem.Message);
        Assert.Single(result.Cases);
    }

    [Fact]
    public void Reports_an_id_that_differs_from_the_file_name()
    {
        var file = _folder.Write("expected-name.yaml", Minimal("other-name"));

        var problem = OnlyProblem(Load(), file, "id", 1);
        Assert.Contains("found 'other-name', expected 'expected-name'", problem.Message);
    }

    [Theory]
    [InlineData("severity: P5", "severity", "found 'P5', expected one of P0, P1, P2, P3")]
    [InlineData("status: actve", "status", "did you mean `active`?")]
    [InlineData("created: 30/06/2026", "created", "expected a date as yyyy-MM-dd")]
    [InlineData("expect-judge: maybe", "expect-judge", "expected one of pass, fail")]
    [InlineData("tags: refunds", "tags", "found 'refunds', expected a list")]
    [InlineData("consistency: {k: three}", "consistency.k", "found 'three', expected a whole number")]
    [InlineData("consistency: {k: 2.5}", "consistency.k", "found '2.5', expected a whole number")]
    [InlineData("consistency: {min-agreement: 1.5}", "consistency.min-agreement", "expected a number from 0 to 1")]
    [InlineData("evidence: [a, b]", "evidence", "found a list, expected a mapping")]
    public void Reports_bad_values_of_top_level_fields(string line, string field, string expected)
    {
        var file = _folder.Write("c1.yaml", Minimal("c1") + line + "\n");

        var problem = OnlyProblem(Load(), file, field, 9);
        Assert.Contains(expected, problem.Message);
    }

    [Fact]
    public void Reports_a_bad_message_role()
    {
        var file = _folder.Write("c1.yaml", Minimal("c1").Replace("role: user", "role: human"));

        var problem = OnlyProblem(Load(), file, "input.messages[0].role", 5);
        Assert.Contains("found 'human', expected one of system, user, assistant, tool", problem.Message);
    }

    [Fact]
    public void Reports_a_tool_whose_parameters_are_not_a_mapping()
    {
        var file = _folder.Write("c1.yaml", "id: c1\ninput:\n  tools:\n    - {name: t, parameters: [a]}\nexpect: [{type: contains, value: x}]\n");

        var problem = OnlyProblem(Load(), file, "input.tools[0].parameters", 4);
        Assert.Contains("found a list, expected a JSON schema object", problem.Message);
    }

    [Fact]
    public void Reports_an_active_case_without_assertions()
    {
        var file = _folder.Write("c1.yaml", "id: c1\ninput: {messages: [{role: user, content: hi}]}\nexpect: []\n");

        var problem = OnlyProblem(Load(), file, "expect", 3);
        Assert.Contains("no assertions", problem.Message);
    }

    [Fact]
    public void Reports_a_missing_input()
    {
        var file = _folder.Write("c1.yaml", "id: c1\nexpect: [{type: contains, value: x}]\n");

        var problem = OnlyProblem(Load(), file, "input", 1);
        Assert.Contains("missing field `input`", problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void Reports_empty_files(string content)
    {
        var file = _folder.Write("empty.yaml", content);

        var problem = OnlyProblem(Load(), file, "", 0);
        Assert.Contains("empty file", problem.Message);
    }

    [Fact]
    public void Reports_a_binary_file()
    {
        var file = _folder.Write("image.yaml", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);

        var result = Load();

        Assert.True(result.Problems.Count == 1, string.Join("\n", result.Problems));
        // The NUL byte sits after two line feeds of the PNG header.
        var problem = OnlyProblem(result, file, "", 3);
        Assert.Contains("binary", problem.Message);
    }

    [Fact]
    public void Reports_invalid_utf8_with_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("id: c1\ntitle: caf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();
        var file = _folder.Write("c1.yaml", bytes);

        var problem = OnlyProblem(Load(), file, "", 2);
        Assert.Contains("not valid UTF-8", problem.Message);
    }

    [Fact]
    public void Reports_more_than_one_document_in_a_file()
    {
        var file = _folder.Write("c1.yaml", Minimal("c1") + "---\nid: c2\n");

        var problem = OnlyProblem(Load(), file, "", 10);
        Assert.Contains("2 YAML documents", problem.Message);
    }

    [Fact]
    public void Rejects_an_alias_bomb()
    {
        var bomb = new StringBuilder("id: bomb\n");
        bomb.Append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
            bomb.Append($"a{level}: &a{level} [" + string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 9)) + "]\n");
        var file = _folder.Write("bomb.yaml", bomb.ToString());

        var problem = Assert.Single(Load().Problems);

        Assert.Equal(file, problem.Location.File);
        Assert.True(problem.Location.Line > 1);
        Assert.Contains("expands to more than", problem.Message);
    }

    [Fact]
    public void Rejects_too_many_aliases()
    {
        var file = _folder.Write("many.yaml", "id: many\nx: &x a\nys: [" + string.Join(", ", Enumerable.Repeat("*x", 150)) + "]\n");

        var problem = OnlyProblem(Load(), file, "", 3);
        Assert.Contains("more than 100 aliases", problem.Message);
    }

    [Fact]
    public void Rejects_a_self_referencing_alias()
    {
        var file = _folder.Write("loop.yaml", "id: loop\nevidence: &e {self: *e}\n");

        var problem = OnlyProblem(Load(), file, "", 2);
        Assert.Contains("before its anchor is complete", problem.Message);
    }

    [Fact]
    public void Rejects_a_file_over_the_size_limit_without_parsing_it()
    {
        // 30 MB of otherwise valid YAML: only the size check can reject it.
        var content = new StringBuilder(Minimal("big"), 31 * 1024 * 1024);
        var filler = "# " + new string('x', 1000) + "\n";
        while (content.Length < 30 * 1024 * 1024) content.Append(filler);
        var file = _folder.Write("big.yaml", content.ToString());

        var problem = OnlyProblem(Load(), file, "", 0);
        Assert.Contains("expected at most 1 MB", problem.Message);
        Assert.Contains("run.max-case-file-bytes", problem.Message);
    }

    [Fact]
    public void Reports_every_problem_of_every_file_in_order()
    {
        var one = _folder.Write("one.yaml", "id: one\ntittle: x\nseverity: P9\ninput: {messages: [{role: bot, content: hi}]}\nexpect: [{type: contians, value: x}]\n");
        var two = _folder.Write("two.yaml", "id: two\ninput: 3\n");

        var result = Load();

        Assert.Equal(
            [(one, 2, "tittle"), (one, 3, "severity"), (one, 4, "input.messages[0].role"), (one, 5, "expect[0].type"), (two, 1, "expect"), (two, 2, "input")],
            result.Problems.Select(p => (p.Location.File, p.Location.Line, p.Field)));
        Assert.Empty(result.Cases);
    }

    [Fact]
    public void Load_file_loads_one_case_with_its_suite()
    {
        var file = _folder.Write("suite/c1.yaml", Minimal("c1"));

        var result = GoldenSetLoader.LoadFile(file, _folder.Root, TestEvaluator.Registry(), new RunOptions());

        Assert.Empty(result.Problems);
        Assert.Equal("suite", Assert.Single(result.Cases).Suite);
    }

    [Fact]
    public void Reports_a_missing_golden_set_folder()
    {
        var missing = Path.Combine(_folder.Root, "nope");

        var result = GoldenSetLoader.Load(missing, TestEvaluator.Registry(), new RunOptions());

        Assert.Contains("not found", Assert.Single(result.Problems).ToString());
        Assert.Throws<InputException>(() => result.CasesOrThrow());
    }

    [Fact]
    public void Round_trips_through_the_writer()
    {
        _folder.Write("refunds/refunds-eu-012.yaml", ValidCase);
        var original = Assert.Single(Load().Cases);
        var tricky = original with
        {
            Title = "0x1F",
            Tags = ["NULL", "TRUE", ".inf", "1e3", "a: b", "multi\nline"],
            Input = original.Input with
            {
                Messages = [new("system", "line one\nline two\n"), new("user", "  padded  "), new("assistant", "")],
                Vars = new Dictionary<string, string> { ["n"] = "007", ["flag"] = "true" },
            },
            Expect = [.. original.Expect, new AssertionSpec("contains", new JsonObject { ["value"] = "first\nsecond" }, new SourceLocation(""))],
            ExpectJudge = false,
        };
        var path = Path.Combine(_folder.Root, "refunds", "refunds-eu-012.yaml");
        File.WriteAllText(path, GoldenCaseWriter.ToYaml(tricky, "../case.schema.json"));

        var result = Load();

        Assert.Empty(result.Problems);
        var loaded = Assert.Single(result.Cases);
        Assert.Equal(Comparable(tricky), Comparable(loaded));
    }

    /// <summary>Everything a case says, as JSON, leaving out where it was read from.</summary>
    internal static string Comparable(GoldenCase c) => new JsonObject
    {
        ["id"] = c.Id, ["title"] = c.Title, ["tags"] = new JsonArray(c.Tags.Select(t => (JsonNode?)t).ToArray()),
        ["severity"] = c.Severity.ToString(), ["status"] = c.Status.ToYaml(), ["source"] = c.Source, ["owner"] = c.Owner,
        ["created"] = c.Created?.ToString("yyyy-MM-dd"), ["suite"] = c.Suite,
        ["messages"] = new JsonArray(c.Input.Messages.Select(m => (JsonNode?)new JsonObject { ["role"] = m.Role, ["content"] = m.Content }).ToArray()),
        ["vars"] = new JsonObject(c.Input.Vars.OrderBy(v => v.Key).Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))),
        ["context"] = new JsonArray(c.Input.Context.Select(t => (JsonNode?)t).ToArray()),
        ["tools"] = new JsonArray(c.Input.Tools.Select(t => (JsonNode?)new JsonObject
        {
            ["name"] = t.Name, ["description"] = t.Description, ["parameters"] = t.Parameters?.DeepClone(), ["returns"] = t.Returns?.DeepClone(), ["error"] = t.Error,
        }).ToArray()),
        ["expect"] = new JsonArray(c.Expect.Select(e => (JsonNode?)new JsonObject { ["type"] = e.Type, ["args"] = e.Args.DeepClone() }).ToArray()),
        ["k"] = c.Consistency?.K, ["min-agreement"] = c.Consistency?.MinAgreement, ["expect-judge"] = c.ExpectJudge,
        ["evidence"] = c.Evidence?.DeepClone(),
    }.ToJsonString();

    internal static string Minimal(string id) => $"""
        id: {id}
        title: A minimal case
        input:
          messages:
            - {"{"}role: user, content: hi{"}"}
        expect:
          - type: contains
            value: hello

        """;
}
