using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Tests.Evaluation;

public class SpecEvaluatorTests
{
    [Fact]
    public async Task An_invalid_spec_evaluated_anyway_fails_with_the_problem()
    {
        var spec = Check.Spec("regex", """{"pattern":"(unclosed"}""");
        var result = await Check.Evaluator("regex").EvaluateAsync(spec, Trial.Answer("(unclosed").ToContext(), CancellationToken.None);
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
    public async Task Fields_are_read_once_per_spec()
    {
        // The parsed form is cached by spec reference: editing the spec's JSON afterwards changes nothing.
        var spec = new AssertionSpec("contains", new JsonObject { ["value"] = "14 days" }, new SourceLocation("x.yaml", 1, 1));
        var evaluator = Check.Evaluator("contains");
        var trial = Trial.Answer("within 14 days").ToContext();
        Assert.True((await evaluator.EvaluateAsync(spec, trial, CancellationToken.None)).Passed);
        spec.Args["value"] = "30 days";
        Assert.True((await evaluator.EvaluateAsync(spec, trial, CancellationToken.None)).Passed);
    }
}
