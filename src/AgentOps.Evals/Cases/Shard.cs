using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgentOps.Evals.Diagnostics;

namespace AgentOps.Evals.Cases;

/// <summary>One slice of the golden set for a CI matrix (<c>--shard i/n</c>): a case belongs to exactly one shard, on every machine.</summary>
/// <param name="Index">1-based shard number.</param>
/// <param name="Count">How many shards there are.</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>Parses <c>i/n</c> with 1 ≤ i ≤ n; throws <see cref="InputException"/> naming <c>--shard</c> otherwise.</summary>
    public static Shard Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index >= 1 && index <= count)
            return new Shard(index, count);
        throw new InputException(new Problem(new SourceLocation("--shard"), "", $"found '{text}', expected i/n with 1 ≤ i ≤ n, e.g. 2/4"));
    }

    /// <summary>True when the case falls in this shard: SHA-256 of the id (not the per-process string hash), mod n.</summary>
    public bool Contains(string caseId) => Of(caseId, Count) == Index - 1;

    internal static int Of(string caseId, int count)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(caseId), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
