using AgentOps.Evals.Cases;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Tests.Evaluation;

/// <summary><c>javascript</c>: promptfoo's contract (output, context.vars; boolean, number or {pass, score, reason}) in a sandbox.</summary>
public sealed class ScriptedEvaluatorTests
{
    private static Task<AssertionResult> Js(string script, string output, string extra = "") =>
        Check.Evaluate("javascript", $$"""{"value": {{System.Text.Json.JsonSerializer.Serialize(script)}}{{extra}}}""", Trial.Answer(output));

    [Fact]
    public async Task A_one_line_expression_sees_output_and_its_boolean_decides()
    {
        Assert.True((await Js("output.includes('14 days') && output.length < 100", "You have 14 days.")).Passed);
        var failed = await Js("output.includes('14 days')", "You have 30 days.");
        Assert.False(failed.Passed);
        Assert.Contains("script returned false", failed.Reason);
    }

    [Fact]
    public async Task A_multi_line_body_returns_a_grading_object_whose_reason_is_kept()
    {
        const string script = """
            const words = output.split(/\s+/).length;
            return { pass: words <= 5, score: 5 / words, reason: `${words} words` };
            """;
        var pass = await Js(script, "Yes, 14 days.");
        Assert.True(pass.Passed);
        Assert.Equal("3 words", pass.Reason);
        var fail = await Js(script, "one two three four five six seven eight nine ten");
        Assert.False(fail.Passed);
        Assert.Equal(0.5, fail.Score);
    }

    [Fact]
    public async Task A_number_passes_above_zero_or_at_the_threshold()
    {
        Assert.True((await Js("0.4", "x")).Passed);
        Assert.False((await Js("0", "x")).Passed);
        Assert.False((await Js("0.4", "x", ", \"threshold\": 0.5")).Passed);
        Assert.True((await Js("0.5", "x", ", \"threshold\": 0.5")).Passed);
    }

    [Fact]
    public async Task Context_vars_are_the_cases_vars()
    {
        var trial = Trial.Answer("Hello Ada");
        var context = trial.ToContext();
        var withVars = context with
        {
            Case = context.Case with { Input = context.Case.Input with { Vars = new Dictionary<string, string> { ["name"] = "Ada" } } },
        };
        var bound = Check.Bind("javascript", """{"value": "output.endsWith(context.vars.name)"}""");
        Assert.True((await bound.EvaluateAsync(withVars, CancellationToken.None)).Passed);
    }

    [Fact]
    public async Task A_script_error_fails_with_the_error_as_reason()
    {
        var result = await Js("JSON.parse(output).status === 'ok'", "not json");
        Assert.False(result.Passed);
        Assert.False(result.InfraError);
        Assert.StartsWith("script error at line 1:", result.Reason);
    }

    [Fact]
    public async Task An_endless_loop_fails_on_the_time_limit_not_the_run()
    {
        var result = await Js("while (true) {}\nreturn true;", "x", ", \"timeout-ms\": 50");
        Assert.False(result.Passed);
        Assert.Matches("timed out after 50 ms|statements", result.Reason);
    }

    [Fact]
    public async Task Runaway_recursion_and_memory_fail_the_assertion()
    {
        Assert.Contains("recursion limit", (await Js("function f(n) { return f(n + 1); }\nreturn f(0);", "x")).Reason);
        Assert.Contains("memory limit", (await Js("const a = [];\nwhile (true) a.push('x'.repeat(100000));\nreturn true;", "x", ", \"timeout-ms\": 10000")).Reason);
    }

    [Fact]
    public async Task The_sandbox_has_no_clr_file_network_or_process_access()
    {
        foreach (var probe in new[] { "typeof System", "typeof require", "typeof process", "typeof fetch", "typeof importNamespace", "typeof XMLHttpRequest" })
        {
            var result = await Js($"{probe} === 'undefined'", "x");
            Assert.True(result.Passed, $"{probe}: {result.Reason}");
        }
    }

    [Fact]
    public async Task Returning_a_string_or_nothing_fails_and_says_what_was_expected()
    {
        var result = await Js("const x = 1;\nif (x > 2) return true;", "x");
        Assert.False(result.Passed);
        Assert.Contains("returned undefined; expected a boolean, a number or {pass, score, reason}", result.Reason);
        Assert.Contains("the string 'yes'", (await Js("'yes'", "x")).Reason);
    }

    [Fact]
    public void A_script_that_does_not_parse_is_refused_at_load_at_the_assertion()
    {
        Check.SingleProblem("javascript", """{"value": "output.includes('a' &&"}""", "value", "script does not parse");
        Check.SingleProblem("javascript", """{"value": "true", "timeout-ms": 0}""", "timeout-ms", "between 1 and 60000");
        Check.SingleProblem("javascript", "{}", "value", "missing");
        Assert.Contains(Check.Validate("javascript", """{"script": "true"}"""), p => p.Field == "script" && p.Message.Contains("unknown field"));
    }
}
