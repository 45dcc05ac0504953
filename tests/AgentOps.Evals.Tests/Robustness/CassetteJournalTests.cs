using AgentOps.Evals.Providers;

namespace AgentOps.Evals.Tests.Robustness;

/// <summary>A killed <c>--record</c> run keeps what it recorded: each call is appended as it finishes.</summary>
public sealed class CassetteJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("agentops-cassette").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static CassetteEntry Entry(string key, string caseId) => new() { Key = key, Case = caseId, Trial = 0, Model = "m", Text = "delivered " + key };

    [Fact]
    public void Calls_are_on_disk_before_the_cassette_is_saved()
    {
        var path = Path.Combine(_dir, "prod.jsonl");
        var recording = CassetteFile.Load(path);
        recording.Add(Entry("k1", "orders-001"));
        recording.Add(Entry("k2", "orders-002"));
        // No Save: the process is killed here.

        var replay = CassetteFile.Load(path);
        Assert.Equal(2, replay.Count);
        Assert.True(replay.TryGet("k2", out var entry));
        Assert.Equal("delivered k2", entry.Text);
    }

    [Fact]
    public void A_torn_last_line_from_a_kill_is_dropped_and_earlier_calls_replay()
    {
        var path = Path.Combine(_dir, "prod.jsonl");
        var recording = CassetteFile.Load(path);
        recording.Add(Entry("k1", "orders-001"));
        File.AppendAllText(path, """{"key":"k2","case":"orders-0""");

        var replay = CassetteFile.Load(path);
        Assert.Equal(1, replay.Count);
        Assert.True(replay.TryGet("k1", out _));
    }

    [Fact]
    public void Appending_to_a_hand_edited_file_without_a_last_newline_keeps_both_lines()
    {
        var path = Path.Combine(_dir, "prod.jsonl");
        var first = CassetteFile.Load(path);
        first.Add(Entry("k1", "orders-001"));
        first.Save();
        File.WriteAllText(path, File.ReadAllText(path).TrimEnd('\n'));

        var second = CassetteFile.Load(path);
        second.Add(Entry("k2", "orders-002"));
        Assert.Equal(2, CassetteFile.Load(path).Count);
        second.Save();
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }
}
