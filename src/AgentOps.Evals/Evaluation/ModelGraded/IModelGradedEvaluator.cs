namespace AgentOps.Evals.Evaluation.ModelGraded;

/// <summary>Marks an evaluator that needs the judge, so a run builds a judge client only when a selected case asks for one.</summary>
public interface IModelGradedEvaluator : IEvaluator;
