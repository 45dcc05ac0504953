namespace AgentOps.Evals.Diagnostics;

/// <summary>One problem found in user input: where, which field, what was found and what was expected.</summary>
public sealed record Problem(SourceLocation Location, string Field, string Message)
{
    /// <summary>Formats as <c>file:line:column: field: message</c>, the way compilers do.</summary>
    public override string ToString() =>
        string.IsNullOrEmpty(Field) ? $"{Location}: {Message}" : $"{Location}: {Field}: {Message}";
}
