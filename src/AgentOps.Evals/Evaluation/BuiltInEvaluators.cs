using AgentOps.Evals.Evaluation.ModelGraded;
using AgentOps.Evals.Evaluation.Operational;
using AgentOps.Evals.Evaluation.Scripted;
using AgentOps.Evals.Evaluation.Similarity;
using AgentOps.Evals.Evaluation.Structure;
using AgentOps.Evals.Evaluation.Text;
using AgentOps.Evals.Evaluation.Tools;

namespace AgentOps.Evals.Evaluation;

/// <summary>The one place built-in evaluators are listed.</summary>
internal static class BuiltInEvaluators
{
    public static IEnumerable<IAssertionType> All()
    {
        // text
        yield return new EqualsEvaluator();
        yield return new ContainsEvaluator();
        yield return new NotContainsEvaluator();
        yield return new IContainsEvaluator();
        yield return new StartsWithEvaluator();
        yield return new RegexEvaluator();
        yield return new OneOfEvaluator();
        yield return new NotEqualsEvaluator();
        yield return new NotIContainsEvaluator();
        yield return new NotStartsWithEvaluator();
        yield return new NotRegexEvaluator();
        yield return new ContainsAnyEvaluator();
        yield return new ContainsAllEvaluator();
        yield return new IContainsAnyEvaluator();
        yield return new IContainsAllEvaluator();
        yield return new NotContainsAnyEvaluator();
        yield return new NotContainsAllEvaluator();
        yield return new NotIContainsAnyEvaluator();
        yield return new NotIContainsAllEvaluator();
        yield return new MinLengthEvaluator();
        yield return new MaxLengthEvaluator();
        yield return new NotEmptyEvaluator();

        // structure
        yield return new IsJsonEvaluator();
        yield return new JsonSchemaEvaluator();
        yield return new JsonPathEvaluator();

        // tools and trajectory
        yield return new ToolCalledEvaluator();
        yield return new ToolNotCalledEvaluator();
        yield return new MaxToolCallsEvaluator();
        yield return new ToolOrderEvaluator();
        yield return new IsValidOpenAiToolsCallEvaluator();

        // operational
        yield return new MaxLatencyMsEvaluator();
        yield return new MaxCostUsdEvaluator();
        yield return new MaxOutputTokensEvaluator();
        yield return new FinishReasonEvaluator();
        yield return new NoRefusalEvaluator();
        yield return new IsRefusalEvaluator();

        // similarity
        yield return new LevenshteinEvaluator();
        yield return new RougeLEvaluator();
        yield return new BleuEvaluator();
        yield return new TokenF1Evaluator();
        yield return new SimilarEvaluator();

        // model-graded
        yield return new LlmRubricEvaluator();
        yield return new EquivalenceEvaluator();
        yield return new GroundednessEvaluator();
        yield return new ToolUseJudgementEvaluator();

        // scripted
        yield return new JavascriptEvaluator();
    }
}
