using AgentOps.Evals.Importing;

namespace AgentOps.Evals.Application;

/// <summary>What an import wrote: the cases' folder and count, the candidates, the config YAML (written to <paramref name="ConfigFile"/>
/// when one was named, else to add by hand), and every note on what did not map exactly.</summary>
public sealed record ImportResult(string Folder, int CasesWritten, int Candidates, string CandidatesYaml, string? ConfigFile, IReadOnlyList<ImportNote> Notes);
