using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Importing;

/// <summary>The result of reading a promptfooconfig.yaml: golden cases, candidates, run settings, and every note on what did not map exactly.</summary>
public sealed record PromptfooImport(
    IReadOnlyList<GoldenCase> Cases,
    IReadOnlyList<ImportedCandidate> Candidates,
    IReadOnlyDictionary<string, string> PromptFiles,
    int? K,
    int? Concurrency,
    IReadOnlyList<ImportNote> Notes);
