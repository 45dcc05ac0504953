namespace AgentOps.Evals.Importing;

/// <summary>Something the import could not carry over exactly: where (case id, or "" for the config), what (assertion or field type) and why.</summary>
public sealed record ImportNote(string CaseId, string Type, string Message)
{
    /// <summary>One line for the import summary: <c>CASE: TYPE: MESSAGE</c>, or <c>TYPE: MESSAGE</c> for a config-level note.</summary>
    public override string ToString() => CaseId.Length == 0 ? $"{Type}: {Message}" : $"{CaseId}: {Type}: {Message}";
}
