using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Options;

namespace AgentOps.Evals.Harvesting.Anonymization;

/// <summary>
/// Session, user and trace ids as HMAC pseudonyms through <see cref="HmacRedactor"/>: the same id gives the same
/// pseudonym under the same key, so cases from one session still line up, and nothing links back without the key.
/// </summary>
internal sealed class Pseudonymizer
{
    private readonly HmacRedactor redactor;

    public Pseudonymizer(ReadOnlySpan<byte> key)
    {
        // HmacRedactor wants a base64 key of at least 44 characters; derive a 32-byte one so any harvest key length works.
        var derived = HMACSHA256.HashData(key, "agentops-evals/pseudonym/v1"u8);
        var keyId = BitConverter.ToUInt16(SHA256.HashData(derived), 0);
        redactor = new HmacRedactor(Options.Create(new HmacRedactorOptions { KeyId = keyId, Key = Convert.ToBase64String(derived) }));
    }

    public string Pseudonymize(string id) => "anon-" + redactor.Redact(id).Replace('/', '_').Replace('+', '-').TrimEnd('=');

    /// <summary>A short stable fingerprint of a key, to tell runs under different keys apart without revealing the key.</summary>
    public static string Fingerprint(ReadOnlySpan<byte> key) =>
        Convert.ToHexStringLower(SHA256.HashData(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("agentops-evals/fingerprint/v1"))))[..12];
}
