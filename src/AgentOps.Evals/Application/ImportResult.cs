using AgentOps.Evals.Importing;

namespace AgentOps.Evals.Application;

/// <summary>What an import wrote: the cases' folder and count, the candidates, the config YAML (written to <paramref name="ConfigFile"/>
/// when one was named, else to add by hand), and every note on what did not map exactly.</summary>
public sealed record ImportResult(string Folder, int CasesWritten, int Candidates, string CandidatesYaml, string? ConfigFile, IReadOnlyList<ImportNote> Notes)
{
    /// <summary>Candidates written as stubs (an endpoint a person must set) rather than on their real service.</summary>
    public int StubCandidates { get; init; }

    /// <summary>Assertions as written in the promptfoo config.</summary>
    public int AssertionsWritten { get; init; }

    /// <summary>Of <see cref="AssertionsWritten"/>, those that became an assertion of ours.</summary>
    public int AssertionsMapped { get; init; }
}
