namespace AgentOps.Evals.Diagnostics;

/// <summary>Bad user input (config, cases, arguments): the CLI prints the problems and exits 2, never a stack trace.</summary>
public sealed class InputException : Exception
{
    /// <summary>Every problem found (all of them, like a compiler).</summary>
    public InputException(IReadOnlyList<Problem> problems)
        : base(string.Join(Environment.NewLine, problems)) => Problems = problems;

    /// <summary>One problem.</summary>
    public InputException(Problem problem) : this([problem]) { }

    /// <summary>One problem in <paramref name="file"/> at <paramref name="field"/> (no line: e.g. a command-line option).</summary>
    public InputException(string file, string field, string message)
        : this(new Problem(new SourceLocation(file), field, message)) { }

    /// <summary>Every problem found, in the order found.</summary>
    public IReadOnlyList<Problem> Problems { get; }
}
