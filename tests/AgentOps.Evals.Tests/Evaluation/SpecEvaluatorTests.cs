using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;

namespace AgentOps.Evals.Tests.Evaluation;

public class SpecEvaluatorTests
{
    [Fact]
    public async Task An_invalid_spec_evaluated_anyway_fails_with_the_problem()
    {
        var spec = Check.Spec("regex", """{"pattern":"(unclosed"}""");
        var result = await EvaluatorRegistry.CreateDefault().Bind(spec).EvaluateAsync(Trial.Answer("(unclosed").ToContext(), CancellationToken.None);
        Assert.False(result.Passed);
        Assert.StartsWith("invalid assertion: pattern: does not compile", result.Reason);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var problems = Check.Validate("equals", """{"trim":"x","ignore-case":"y","colour":"red"}""");
        Assert.Equal(["colour", "ignore-case", "trim", "value"], problems.Select(p => p.Field).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.Equal(Check.Where, p.Location));
    }

    [Fact]
    public async Task Fields_are_read_once_when_bound()
    {
        // The bound assertion holds the parsed fields: editing the spec's JSON afterwards changes nothing.
        var spec = new AssertionSpec("contains", new JsonObject { ["value"] = "14 days" }, new SourceLocation("x.yaml", 1, 1));
        var bound = Check.Evaluator("contains").Bind(spec, new List<Problem>())!;
        var trial = Trial.Answer("within 14 days").ToContext();
        Assert.True((await bound.EvaluateAsync(trial, CancellationToken.None)).Passed);
        spec.Args["value"] = "30 days";
        Assert.True((await bound.EvaluateAsync(trial, CancellationToken.None)).Passed);
    }

    [Fact]
    public async Task Specs_built_in_code_with_typed_values_work_like_parsed_ones()
    {
        // A loader may build Args from CLR values rather than parsed JSON text.
        var calls = Trial.Calls(("get_order_status", """{"order_id":"A-1001","limit":5}"""));
        Assert.True(await Run(new JsonObject { ["name"] = "get_order_status", ["args"] = new JsonObject { ["limit"] = 5, ["order_id"] = "A-1001" } }, "tool-called", calls));
        Assert.False(await Run(new JsonObject { ["value"] = 0L }, "max-tool-calls", calls));
        Assert.True(await Run(new JsonObject { ["value"] = "YES", ["ignore-case"] = true }, "equals", Trial.Answer("yes")));
        Assert.True(await Run(new JsonObject { ["path"] = "$.total", ["equals"] = 42.5m }, "json-path", Trial.Answer("""{"total":42.50}""")));
        Assert.True(await Run(new JsonObject { ["value"] = "stop" }, "finish-reason", new Trial()));
        Assert.True(await Run(new JsonObject { ["values"] = new JsonArray("a", 2) }, "one-of", Trial.Answer("2")));
    }

    private static async Task<bool> Run(JsonObject args, string type, Trial trial)
    {
        var spec = new AssertionSpec(type, args, new SourceLocation("x.yaml", 2, 3));
        var problems = new List<Problem>();
        var bound = Check.Evaluator(type).Bind(spec, problems);
        Assert.Empty(problems);
        return (await bound!.EvaluateAsync(trial.ToContext(), CancellationToken.None)).Passed;
    }
}
