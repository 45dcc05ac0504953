namespace AgentOps.Evals.Diagnostics;

/// <summary>Bad user input (config, cases, arguments): the CLI prints the problems and exits 2, never a stack trace.</summary>
public sealed class InputException : Exception
{
    public InputException(IReadOnlyList<Problem> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    public InputException(Problem problem) : this([problem]) { }

    public InputException(string file, string field, string message)
        : this(new Problem(new SourceLocation(file), field, message)) { }

    /// <summary>Every problem found, in the order found.</summary>
    public IReadOnlyList<Problem> Problems { get; }
}
