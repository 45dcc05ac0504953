using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Evaluation;

/// <summary>One assertion type (<c>contains</c>, <c>tool-called</c>, …): binds an <c>expect</c> entry once, when the case loads.</summary>
public interface IAssertionType
{
    /// <summary>The assertion type as written in case files.</summary>
    string Type { get; }

    /// <summary>Reads and checks the entry's fields (missing value, regex that does not compile, unknown field, …), adding
    /// every problem found; returns the bound assertion that scores trials, or null when any problem was found.</summary>
    BoundAssertion? Bind(AssertionSpec spec, ICollection<Problem> problems);

    /// <summary>The problems <see cref="Bind"/> finds, for callers that only check (validate, import).</summary>
    IEnumerable<Problem> Validate(AssertionSpec spec)
    {
        var problems = new List<Problem>();
        Bind(spec, problems);
        return problems;
    }
}
