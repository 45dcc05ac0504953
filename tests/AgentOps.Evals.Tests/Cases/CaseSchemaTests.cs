using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;
using AgentOps.Evals.Diagnostics;
using NJsonSchema;

namespace AgentOps.Evals.Tests.Cases;

public sealed class CaseSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFileAsync(RepoPaths.CaseSchema).GetAwaiter().GetResult());

    /// <summary>The case file as JSON, converted the way the loader reads YAML values.</summary>
    private static string AsJson(string path)
    {
        var problems = new List<Problem>();
        var root = YamlFileReader.Read(path, 1024 * 1024, problems, "a case", "run.max-case-file-bytes");
        Assert.True(root is not null, string.Join("\n", problems));
        return YamlJsonConverter.ToJson(root)!.ToJsonString();
    }

    private static string[] SchemaErrors(string path) => Flatten(Schema.Value.Validate(AsJson(path))).Select(e => $"{e.Path}: {e.Kind}").ToArray();

    /// <summary>Errors inside a union type (e.g. list-or-null) sit under the union's error; lift them out.</summary>
    private static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors) =>
        errors.SelectMany(e => e switch
        {
            NJsonSchema.Validation.ChildSchemaValidationError child => [e, .. Flatten(child.Errors.Values.SelectMany(v => v))],
            NJsonSchema.Validation.MultiTypeValidationError multi => [e, .. Flatten(multi.Errors.Values.SelectMany(v => v))],
            _ => new[] { e },
        });

    public static TheoryData<string> ValidFixtures() => new(Directory.GetFiles(Path.Combine(RepoPaths.TestData, "valid"), "*.yaml").Order());

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Valid_fixtures_pass_the_schema_and_the_loader(string path)
    {
        Assert.Empty(SchemaErrors(path));
        var loaded = GoldenSetLoader.LoadFile(path, Path.GetDirectoryName(path)!, TestEvaluator.Registry(), new RunOptions());
        Assert.Empty(loaded.Problems);
        Assert.Single(loaded.Cases);
    }

    [Fact]
    public void An_invalid_fixture_fails_the_schema_and_the_loader_on_the_same_fields()
    {
        var path = Path.Combine(RepoPaths.TestData, "invalid", "bad-shape.yaml");

        var errors = SchemaErrors(path);
        var problems = GoldenSetLoader.LoadFile(path, Path.GetDirectoryName(path)!, TestEvaluator.Registry(), new RunOptions()).Problems;

        Assert.Contains(errors, e => e.Contains("tittle"));
        Assert.Contains(errors, e => e.Contains("severity"));
        Assert.Contains(errors, e => e.Contains("status"));
        Assert.Contains(errors, e => e.Contains("role"));
        Assert.Contains(errors, e => e.Contains("expect[0]") || e.Contains("type"));
        Assert.Contains(errors, e => e.Contains("consistency.k"));
        Assert.Equal(
            ["tittle", "severity", "status", "input.messages[0].role", "expect[0].type", "consistency.k"],
            problems.Select(p => p.Field));
    }

    [Fact]
    public void Rejects_a_quoted_number_where_a_count_is_expected()
    {
        using var folder = new TempFolder();
        var path = folder.Write("c1.yaml", "id: c1\ninput: {}\nexpect: [{type: contains, value: x}]\nconsistency: {k: \"3\"}\n");

        Assert.Contains(SchemaErrors(path), e => e.Contains("consistency.k"));
        Assert.Equal("consistency.k", Assert.Single(GoldenSetLoader.LoadFile(path, folder.Root, TestEvaluator.Registry(), new RunOptions()).Problems).Field);
    }

    [Fact]
    public void Every_case_in_the_repository_golden_set_passes_the_schema()
    {
        var root = Path.Combine(RepoPaths.Root, "golden-set");
        // Another part of the project writes the sample cases; with none yet, there is nothing to check.
        var files = Directory.Exists(root) ? GoldenSetLoader.CaseFiles(root).ToList() : [];

        var failures = files
            .Select(f => (File: Path.GetRelativePath(RepoPaths.Root, f), Errors: SchemaErrors(f)))
            .Where(r => r.Errors.Length > 0)
            .Select(r => $"{r.File}: {string.Join("; ", r.Errors)}")
            .ToList();

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Lists_every_assertion_family_of_the_design()
    {
        var types = Schema.Value.Definitions["assertion"].Properties["type"].Enumeration.Select(e => e?.ToString()).ToHashSet();

        Assert.Subset(types, new HashSet<string?>
        {
            "equals", "contains", "not-contains", "icontains", "starts-with", "regex", "one-of", "is-json", "json-schema", "json-path",
            "tool-called", "tool-not-called", "max-tool-calls", "tool-order", "levenshtein", "rouge-l", "bleu", "token-f1",
            "llm-rubric", "equivalence", "groundedness", "max-latency-ms", "max-cost-usd", "max-output-tokens", "finish-reason",
            "no-refusal", "similar", "tool-use-judgement",
        });
    }
}
