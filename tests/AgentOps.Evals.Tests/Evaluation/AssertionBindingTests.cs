using System.Text.Json.Nodes;
using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Evaluation;
using AgentOps.Evals.Evaluation.ModelGraded;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Evaluation;

/// <summary>Loading a case binds each expect entry once; scoring uses that binding and never reads the fields again.</summary>
public sealed class AssertionBindingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private GoldenSetLoadResult Load(string id, string input, string expect)
    {
        _folder.Write($"refunds/{id}.yaml", $"id: {id}\ninput:\n{input}expect:\n{expect}");
        return GoldenSetLoader.Load(_folder.Root, EvaluatorRegistry.CreateDefault(), new RunOptions());
    }

    private const string Messages = "  messages: [{role: user, content: \"Can I return after 30 days?\"}]\n";

    [Fact]
    public async Task A_loaded_case_carries_bound_assertions_and_scoring_does_not_reparse_them()
    {
        var result = Load("bound", Messages + "  context: [\"EU withdrawal right: 14 days.\"]\n",
            "  - {type: contains, value: \"14 days\"}\n  - {type: groundedness}\n");
        Assert.Empty(result.Problems);
        var loaded = Assert.Single(result.Cases);
        Assert.All(loaded.Expect, spec => Assert.NotNull(spec.Bound));
        Assert.False(loaded.Expect[0].Bound!.NeedsJudge);
        Assert.True(loaded.Expect[1].Bound!.NeedsJudge);
        Assert.True(loaded.Expect[1].Bound!.NeedsContext);
        Assert.Equal(6, loaded.Expect[0].Bound!.Location.Line);
        Assert.True(ModelGrading.NeedsJudge(loaded, EvaluatorRegistry.CreateDefault()));

        // The registry hands back the loader's binding, so editing the JSON after load changes nothing: it is never read again.
        var registry = EvaluatorRegistry.CreateDefault();
        Assert.Same(loaded.Expect[0].Bound, registry.Bind(loaded.Expect[0]));
        loaded.Expect[0].Args["value"] = "30 days";
        var trial = Trial.Answer("You have 14 days.").ToContext();
        Assert.True((await registry.Bind(loaded.Expect[0]).EvaluateAsync(trial, CancellationToken.None)).Passed);
    }

    [Fact]
    public void Groundedness_without_input_context_is_a_load_error_at_the_assertion()
    {
        var result = Load("ungrounded", Messages, "  - {type: contains, value: \"14\"}\n  - {type: groundedness}\n");
        Assert.Empty(result.Cases);
        var problem = Assert.Single(result.Problems);
        Assert.EndsWith("ungrounded.yaml", problem.Location.File);
        Assert.Equal((6, 5), (problem.Location.Line, problem.Location.Column));
        Assert.Equal("expect[1]", problem.Field);
        Assert.Contains("input.context", problem.Message);
    }

    [Fact]
    public void A_bad_field_still_names_the_field_line_and_the_assertion_is_not_bound()
    {
        var result = Load("bad", Messages, "  - {type: regex, pattern: \"(unclosed\"}\n");
        var problem = Assert.Single(result.Problems);
        Assert.Equal("expect[0].pattern", problem.Field);
        Assert.Equal(5, problem.Location.Line);
        Assert.Empty(result.Cases);
    }

    [Fact]
    public async Task A_spec_built_in_code_is_bound_when_scored_and_never_passes_when_unusable()
    {
        var registry = EvaluatorRegistry.CreateDefault();
        var at = new Diagnostics.SourceLocation("code", 0, 0);
        var trial = Trial.Answer("anything").ToContext();

        var unknown = await registry.Bind(new AssertionSpec("containz", new JsonObject { ["value"] = "x" }, at)).EvaluateAsync(trial, CancellationToken.None);
        Assert.True(unknown.InfraError);
        Assert.Contains("unknown assertion type 'containz'", unknown.Reason);

        var invalid = await registry.Bind(new AssertionSpec("contains", new JsonObject(), at)).EvaluateAsync(trial, CancellationToken.None);
        Assert.False(invalid.Passed);
        Assert.False(invalid.InfraError);
        Assert.StartsWith("invalid assertion: value: missing", invalid.Reason);
    }
}
