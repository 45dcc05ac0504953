using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation.Meai;
using AgentOps.Evals.Tests.Cases;

namespace AgentOps.Evals.Tests.Evaluation.Meai;

/// <summary>MEAI evaluators named in the config: created and registered, or refused at the config line with the reason.</summary>
public sealed class EvaluatorPluginsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private EvalConfig Config(string entries) =>
        ConfigLoader.Load(_folder.Write("eval.config.yaml", "evaluators:\n" + entries));

    private static string Dll => typeof(WordCountEvaluator).Assembly.Location.Replace('\\', '/');

    [Fact]
    public void A_named_evaluator_is_created_and_registered_with_its_judge_need()
    {
        var registry = EvaluatorPlugins.CreateRegistry(Config($"  word-count: {{assembly: \"{Dll}\", type: {typeof(WordCountEvaluator).FullName}, needs-judge: false}}\n"));
        Assert.True(registry.TryGetEvaluator("word-count", out var registered));
        Assert.IsType<WordCountEvaluator>(registered.Evaluator);
        Assert.False(registered.NeedsJudge);
    }

    [Fact]
    public void Entries_that_cannot_be_created_are_all_reported_at_their_config_line()
    {
        var config = Config($"""
              missing-dll: {"{"}assembly: nowhere.dll, type: X.Y{"}"}
              no-such-type: {"{"}assembly: "{Dll}", type: AgentOps.Evals.Tests.NoSuchEvaluator{"}"}
              not-an-evaluator: {"{"}assembly: "{Dll}", type: {typeof(EvaluatorPluginsTests).FullName}{"}"}

            """);
        var error = Assert.Throws<InputException>(() => EvaluatorPlugins.CreateRegistry(config));
        Assert.Collection(error.Problems.OrderBy(p => p.Location.Line),
            p => { Assert.Equal(("evaluators.missing-dll", 2), (p.Field, p.Location.Line)); Assert.Contains("assembly not found", p.Message); },
            p => { Assert.Equal(("evaluators.no-such-type", 3), (p.Field, p.Location.Line)); Assert.Contains("found no type", p.Message); },
            p => { Assert.Equal(("evaluators.not-an-evaluator", 4), (p.Field, p.Location.Line)); Assert.Contains("does not implement", p.Message); });
    }
}
