using AgentOps.Evals.Cases;
using AgentOps.Evals.Config;

namespace AgentOps.Evals.Tests.Cases;

public sealed class GoldenSetRevisionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private IReadOnlyList<GoldenCase> Load() =>
        GoldenSetLoader.Load(_folder.Root, TestEvaluator.Registry(), new RunOptions()).CasesOrThrow();

    [Fact]
    public void Is_twelve_hex_characters_and_ignores_order()
    {
        _folder.Write("a.yaml", GoldenSetLoaderTests.Minimal("a"));
        _folder.Write("b.yaml", GoldenSetLoaderTests.Minimal("b"));
        var cases = Load();

        var revision = GoldenSetRevision.Compute(cases);

        Assert.Matches("^[0-9a-f]{12}$", revision);
        Assert.Equal(revision, GoldenSetRevision.Compute(cases.Reverse()));
    }

    [Fact]
    public void Changes_when_a_file_changes_or_the_selection_changes()
    {
        var path = _folder.Write("a.yaml", GoldenSetLoaderTests.Minimal("a"));
        _folder.Write("b.yaml", GoldenSetLoaderTests.Minimal("b"));
        var before = GoldenSetRevision.Compute(Load());

        File.AppendAllText(path, "# reviewed\n");
        var edited = Load();

        Assert.NotEqual(before, GoldenSetRevision.Compute(edited));
        Assert.NotEqual(GoldenSetRevision.Compute(edited), GoldenSetRevision.Compute(edited.Take(1)));
    }
}
