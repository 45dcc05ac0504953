using System.Globalization;
using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Storage;

/// <summary>Opens a store file and makes sure it is one of ours at a version this harness knows, migrating an older
/// one forward (writers) before anything else happens, so a bad store fails before any model call.</summary>
internal static class SqliteStoreOpener
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    public static async Task<SqliteConnection> OpenAsync(string path, bool readOnly, CancellationToken cancellationToken)
    {
        CheckHeader(path, readOnly);
        if (!readOnly) CreateFolder(path);
        try
        {
            return await ConnectAsync(path, readOnly, immutable: false, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException e) when (readOnly && (e.SqliteErrorCode & 0xff) is SqliteErrorCodes.CantOpen or SqliteErrorCodes.ReadOnly)
        {
            // A WAL store on a read-only disk cannot get its shared-memory file: read the file as it is, unchanged.
            try
            {
                return await ConnectAsync(path, readOnly, immutable: true, cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException retry)
            {
                throw StoreException.From(path, retry);
            }
        }
        catch (SqliteException e)
        {
            // SQLite opens a file it may not write read-only and fails later with a code that hides why.
            throw !readOnly && !Writable(path)
                ? new StoreException(path, StoreFailure.ReadOnly, StoreException.ReadOnlyAdvice, e)
                : StoreException.From(path, e);
        }
    }

    /// <summary>True when the store file (if any) and its folder accept writes.</summary>
    private static bool Writable(string path)
    {
        try
        {
            if (File.Exists(path)) File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite).Dispose();
            var probe = path + ".write-probe";
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<SqliteConnection> ConnectAsync(string path, bool readOnly, bool immutable, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? new Uri(path).AbsoluteUri + "?immutable=1" : path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // busy_timeout lets shard processes share one file; synchronous=NORMAL in WAL still survives a killed process.
            await ExecuteAsync(connection, "PRAGMA busy_timeout = 10000;", cancellationToken).ConfigureAwait(false);
            // Checked before anything writes: a foreign or newer file is refused untouched.
            var (applicationId, version) = await CheckOwnerAsync(connection, path, cancellationToken).ConfigureAwait(false);
            if (readOnly) return connection; // migrations only add, so an older store's tables read as they are
            await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", cancellationToken).ConfigureAwait(false);
            if (version != StoreSchema.Current || applicationId != StoreSchema.ApplicationId) await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Refuses a file that is not SQLite at all before SQLite sees it (an empty file is a new store).</summary>
    private static void CheckHeader(string path, bool readOnly)
    {
        CheckPlace(path);
        if (!File.Exists(path))
        {
            if (readOnly) throw new StoreException(path, StoreFailure.Unavailable, "not found; write it with 'agentops-evals run', or pass --store FILE");
            return;
        }
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (file.Length == 0) return;
            var head = new byte[SqliteHeader.Length];
            var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            if (read < head.Length || !head.AsSpan().SequenceEqual(SqliteHeader))
                throw new StoreException(path, StoreFailure.NotAStore,
                    "is not an agentops-evals store (not a SQLite database); pass another --store, or move this file aside to start a new store");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StoreException(path, StoreFailure.Unavailable, "cannot be read (no permission); check the file's permissions", e);
        }
    }

    /// <summary>Refuses a --store that names a folder, or lies under a regular file: neither can ever hold a store, so it is
    /// the user's path to fix (exit 2), not a store that failed to open.</summary>
    private static void CheckPlace(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new StoreException(path, StoreFailure.NotAStore, $"is a folder, not a store file; pass --store {Path.Combine(path, "results.db")} (or another file)");
        for (var parent = Path.GetDirectoryName(full); parent is not null; parent = Path.GetDirectoryName(parent))
            if (File.Exists(parent))
                throw new StoreException(path, StoreFailure.NotAStore, $"cannot be a store: {parent} is a file, not a folder; pass --store to a file in a folder");
    }

    private static void CreateFolder(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(path, StoreFailure.ReadOnly, $"its folder cannot be created ({e.Message}); pass --store to a writable place", e);
        }
    }

    private static async Task<(long ApplicationId, long Version)> CheckOwnerAsync(SqliteConnection connection, string path, CancellationToken cancellationToken)
    {
        var (applicationId, version, tables) = await ReadHeaderAsync(connection, cancellationToken).ConfigureAwait(false);
        if (applicationId != 0 && applicationId != StoreSchema.ApplicationId)
            throw new StoreException(path, StoreFailure.Foreign,
                $"is a SQLite database of another application (application_id 0x{applicationId:x8}), not an agentops-evals store; pass another --store");
        if (applicationId == 0 && tables.Count > 0 && !StoreSchema.CoreTables.All(tables.Contains))
            throw new StoreException(path, StoreFailure.Foreign,
                $"is a SQLite database but not an agentops-evals store (its tables: {string.Join(", ", tables.Order().Take(5))}); pass another --store");
        if (version > StoreSchema.Current)
            throw new StoreException(path, StoreFailure.Newer,
                $"was written by a newer agentops-evals (store version {version}; this one knows up to {StoreSchema.Current}); upgrade agentops-evals, or pass another --store");
        return (applicationId, version);
    }

    private static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        // Another process may have migrated meanwhile: read the version again under the write lock.
        var current = (await ReadHeaderAsync(connection, cancellationToken, transaction).ConfigureAwait(false)).Version;
        foreach (var migration in StoreSchema.Migrations.Where(m => m.Version > current))
            await ExecuteAsync(connection, migration.Sql, cancellationToken, transaction).ConfigureAwait(false);
        await ExecuteAsync(connection, string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA user_version = {StoreSchema.Current}; PRAGMA application_id = {StoreSchema.ApplicationId};"), cancellationToken, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(long ApplicationId, long Version, HashSet<string> Tables)> ReadHeaderAsync(
        SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA application_id; PRAGMA user_version; SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var applicationId = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var version = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var tables = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) tables.Add(reader.GetString(0));
        return (applicationId, version, tables);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
