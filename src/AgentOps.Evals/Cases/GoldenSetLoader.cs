using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Evaluation;

namespace AgentOps.Evals.Cases;

/// <summary>Loads the golden set (<c>root/**/*.yaml</c>, folders are suites) and reports every problem, like a compiler.</summary>
internal static class GoldenSetLoader
{
    private const string ExpectedCase = "a golden case: a mapping with id, input and expect";

    /// <summary>Every case under <paramref name="rootDir"/>, sorted by id, and every problem found in any file.</summary>
    public static GoldenSetLoadResult Load(string rootDir, EvaluatorRegistry registry, RunOptions options)
    {
        if (!Directory.Exists(rootDir))
            return new([], [new Problem(new SourceLocation(rootDir), "", "golden-set folder not found, expected a folder of case files (*.yaml)")]);

        var cases = new List<(GoldenCase Case, SourceLocation IdLocation)>();
        var problems = new List<Problem>();
        // Files parse independently, so they parse in parallel (thousands of cases load in a fraction of a second);
        // results are taken in path order so problems and duplicate-id reports stay deterministic.
        var files = CaseFiles(rootDir).ToArray();
        var parsed = new (GoldenCase?, SourceLocation?, List<Problem>)[files.Length];
        Parallel.For(0, files.Length, i => parsed[i] = Parse(files[i], rootDir, registry, options));
        foreach (var (goldenCase, idLocation, fileProblems) in parsed)
        {
            problems.AddRange(fileProblems);
            if (goldenCase is not null) cases.Add((goldenCase, idLocation!));
        }

        // Files are visited in path order, so the first file keeps an id and each later one is reported.
        var kept = new List<GoldenCase>();
        foreach (var group in cases.GroupBy(c => c.Case.Id, StringComparer.Ordinal))
        {
            var first = group.First();
            kept.Add(first.Case);
            foreach (var (duplicate, at) in group.Skip(1))
                problems.Add(new Problem(at, "id",
                    $"found duplicate id '{duplicate.Id}', also used by {first.Case.Location.File}; expected ids unique across the golden set"));
        }
        kept.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new(kept, problems);
    }

    /// <summary>One case file; <paramref name="rootDir"/> gives its suite.</summary>
    public static GoldenSetLoadResult LoadFile(string path, string rootDir, EvaluatorRegistry registry, RunOptions options)
    {
        var (goldenCase, _, problems) = Parse(path, rootDir, registry, options);
        return new(goldenCase is null ? [] : [goldenCase], problems);
    }

    /// <summary>The case files under a root: *.yaml and *.yml at any depth, in ordinal path order.</summary>
    internal static IEnumerable<string> CaseFiles(string rootDir) =>
        Directory.EnumerateFiles(rootDir, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden })
            .Where(IsCaseFile)
            .Order(StringComparer.Ordinal);

    private static bool IsCaseFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    private static (GoldenCase?, SourceLocation?, List<Problem>) Parse(string path, string rootDir, EvaluatorRegistry registry, RunOptions options)
    {
        var problems = new List<Problem>();
        var root = YamlFileReader.Read(path, options.MaxCaseFileBytes, problems, ExpectedCase, "run.max-case-file-bytes");
        if (root is null) return (null, null, problems);
        var expectedId = Path.GetFileNameWithoutExtension(path);
        var (goldenCase, idLocation) = new GoldenCaseParser(new YamlFieldReader(path, problems), registry).Parse(root, expectedId, Suite(path, rootDir));
        // Compilers list a file's problems top to bottom; the parser finds some out of order (e.g. evaluator checks).
        var sorted = problems.OrderBy(p => p.Location.Line).ThenBy(p => p.Location.Column).ToList();
        return (goldenCase, idLocation, sorted);
    }

    internal static string Suite(string path, string rootDir)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "";
        var relative = Path.GetRelativePath(Path.GetFullPath(rootDir), folder);
        return relative == "." ? "" : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
