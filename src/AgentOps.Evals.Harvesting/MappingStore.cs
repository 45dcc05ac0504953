using System.Security.Cryptography;
using System.Text;
using AgentOps.Evals.Diagnostics;
using AgentOps.Evals.Harvesting.Anonymization;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Harvesting;

/// <summary>
/// The pseudonym → original store (SQLite, never committed) that lets on-call reconnect a case to production.
/// Originals are sealed with AES-GCM under a key derived from the harvest key, so the file alone reveals nothing.
/// </summary>
public sealed class MappingStore
{
    private readonly string path;
    private readonly byte[] sealKey;

    /// <summary>The store at <paramref name="path"/>, its rows sealed with a key derived from <paramref name="harvestKey"/>.</summary>
    public MappingStore(string path, ReadOnlySpan<byte> harvestKey)
    {
        this.path = path;
        sealKey = HMACSHA256.HashData(harvestKey, "agentops-evals/mapping/v1"u8);
    }

    /// <summary>Records the replacements of one case (idempotent: a second run adds nothing).</summary>
    public void Write(string caseId, IEnumerable<AnonymizedValue> values)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        foreach (var value in values)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT OR IGNORE INTO mapping(case_id, kind, replacement, original) VALUES ($case, $kind, $replacement, $original)";
            command.Parameters.AddWithValue("$case", caseId);
            command.Parameters.AddWithValue("$kind", value.Kind);
            command.Parameters.AddWithValue("$replacement", value.Replacement);
            command.Parameters.AddWithValue("$original", Seal(value.Original));
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The originals behind a case's pseudonyms and fakes; an <see cref="InputException"/> when the key is not the one they were written with.</summary>
    public IReadOnlyList<AnonymizedValue> Reidentify(string caseId)
    {
        if (!File.Exists(path)) throw new InputException(path, "mapping-store", "no mapping store here; harvest writes one only when run with a key");
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, replacement, original FROM mapping WHERE case_id = $case ORDER BY rowid";
        command.Parameters.AddWithValue("$case", caseId);
        using var reader = command.ExecuteReader();
        var values = new List<AnonymizedValue>();
        while (reader.Read())
        {
            var original = Unseal(reader.GetString(2))
                ?? throw new InputException(path, "key", "the key does not open this mapping store (was it written with another key?)");
            values.Add(new AnonymizedValue(reader.GetString(0), original, reader.GetString(1)));
        }
        // An unknown id is a typo or another store: saying "nothing to show" would read as "this case holds no PII".
        if (values.Count == 0)
            throw new InputException(path, "case-id", $"no case '{caseId}' in this mapping store (check the id in the case file name, and that this is the store harvest wrote it with)");
        return values;
    }

    /// <summary>The convenience the CLI calls for <c>harvest --reidentify CASE-ID</c>.</summary>
    public static IReadOnlyList<AnonymizedValue> Reidentify(string caseId, string mappingStorePath, byte[] key) =>
        new MappingStore(mappingStorePath, key).Reidentify(caseId);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE IF NOT EXISTS mapping(case_id TEXT NOT NULL, kind TEXT NOT NULL, replacement TEXT NOT NULL, original TEXT NOT NULL, PRIMARY KEY(case_id, kind, replacement))";
        command.ExecuteNonQuery();
        return connection;
    }

    private string Seal(string original)
    {
        var plain = Encoding.UTF8.GetBytes(original);
        var nonce = RandomNumberGenerator.GetBytes(12);
        var cipher = new byte[plain.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(sealKey, 16);
        aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    private string? Unseal(string sealedText)
    {
        var bytes = Convert.FromBase64String(sealedText);
        var plain = new byte[bytes.Length - 28];
        try
        {
            using var aes = new AesGcm(sealKey, 16);
            aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
