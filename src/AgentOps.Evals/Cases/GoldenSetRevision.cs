using System.Security.Cryptography;
using System.Text;

namespace AgentOps.Evals.Cases;

/// <summary>A short fingerprint of the selected cases' files, so two runs can tell whether they saw the same golden set.</summary>
public static class GoldenSetRevision
{
    /// <summary>First 12 hex characters of SHA-256 over each case's id and file bytes, in id order.</summary>
    public static string Compute(IEnumerable<GoldenCase> cases)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[8];
        foreach (var goldenCase in cases.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var bytes = Content(goldenCase);
            // Id and length prefixes keep "ab"+"c" and "a"+"bc" apart.
            hash.AppendData(Encoding.UTF8.GetBytes(goldenCase.Id));
            hash.AppendData([0]);
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(length, bytes.Length);
            hash.AppendData(length);
            hash.AppendData(bytes);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>The case's file, or its YAML rendering when it was built in memory and has no file.</summary>
    private static byte[] Content(GoldenCase goldenCase)
    {
        var file = goldenCase.Location.File;
        return file.Length > 0 && File.Exists(file) ? File.ReadAllBytes(file) : Encoding.UTF8.GetBytes(GoldenCaseWriter.ToYaml(goldenCase));
    }
}
