using AgentOps.Evals.Cases;
using AgentOps.Evals.Diagnostics;
using CsCheck;

namespace AgentOps.Evals.Tests.Cases;

public sealed class ShardTests
{
    [Fact]
    public void Every_id_falls_in_exactly_one_shard()
    {
        Gen.Select(Gen.String.Array[1, 40], Gen.Int[1, 12]).Sample((ids, count) =>
        {
            var shards = Enumerable.Range(1, count).Select(i => new Shard(i, count)).ToList();
            foreach (var id in ids)
                Assert.Equal(1, shards.Count(s => s.Contains(id)));
        });
    }

    [Fact]
    public void Membership_is_stable_across_calls_and_instances()
    {
        Gen.Select(Gen.String, Gen.Int[1, 12]).Sample((id, count) =>
        {
            var first = Enumerable.Range(1, count).Single(i => new Shard(i, count).Contains(id));
            Assert.Equal(first, Enumerable.Range(1, count).Single(i => Shard.Parse($"{i}/{count}").Contains(id)));
        });
    }

    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(10)]
    public void Places_ids_by_the_first_eight_bytes_of_sha256(int count)
    {
        // SHA-256("a") starts ca978112ca1bbdca; pinned so a switch to a per-process hash (string.GetHashCode) fails here.
        var expected = (int)(0xca978112ca1bbdcaUL % (ulong)count);

        Assert.Equal(expected, Shard.Of("a", count));
        Assert.True(new Shard(expected + 1, count).Contains("a"));
    }

    [Fact]
    public void Spreads_ids_across_shards()
    {
        var counts = Enumerable.Range(0, 4000).Select(i => Shard.Of($"case-{i}", 4)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(4, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 800, 1200));
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("1/1", 1, 1)]
    [InlineData(" 3 / 3 ", 3, 3)]
    public void Parses_i_of_n(string text, int index, int count) => Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1/0")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/4")]
    [InlineData("1/2/3")]
    public void Rejects_bad_shards_naming_the_option(string text)
    {
        var e = Assert.Throws<InputException>(() => Shard.Parse(text));

        Assert.Equal("--shard", Assert.Single(e.Problems).Location.File);
        Assert.Contains("expected i/n with 1 ≤ i ≤ n", e.Message);
    }
}
