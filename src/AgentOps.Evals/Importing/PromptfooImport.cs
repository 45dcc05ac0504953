using AgentOps.Evals.Cases;

namespace AgentOps.Evals.Importing;

/// <summary>The result of reading a promptfooconfig.yaml: golden cases, candidates (prompts × providers), run settings, the
/// judge and embeddings the assertions need, counts of assertions as written and mapped, and every note on what did not map exactly.</summary>
public sealed record PromptfooImport(
    IReadOnlyList<GoldenCase> Cases,
    IReadOnlyList<ImportedCandidate> Candidates,
    IReadOnlyDictionary<string, string> PromptFiles,
    int? K,
    int? Concurrency,
    IReadOnlyList<ImportNote> Notes)
{
    /// <summary>The judge model-graded assertions need; null when none was imported.</summary>
    public ImportedModel? Judge { get; init; }

    /// <summary>The embedding model <c>similar</c> needs; null when none was imported.</summary>
    public ImportedModel? Embeddings { get; init; }

    /// <summary>Assertions as written in the config (defaultTest's once, each test's once, before var expansion).</summary>
    public int AssertionsWritten { get; init; }

    /// <summary>Of <see cref="AssertionsWritten"/>, those that became at least one valid assertion of ours.</summary>
    public int AssertionsMapped { get; init; }
}
