using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Running;

namespace AgentOps.Evals.Evaluation;

/// <summary>A spec built in code that could not be bound (unknown type, bad field): every trial gets the same
/// non-passing result, so such a spec never passes silently. The loader refuses these cases before a run.</summary>
internal sealed class UnusableAssertion(string type, SourceLocation location, string reason, bool infraError) : BoundAssertion(type, location)
{
    protected internal override ValueTask<AssertionResult> CheckAsync(AssertionContext context, CancellationToken cancellationToken) =>
        new(new AssertionResult(Type, false, reason, InfraError: infraError));
}
