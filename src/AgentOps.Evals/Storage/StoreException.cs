using Microsoft.Data.Sqlite;

namespace AgentOps.Evals.Storage;

/// <summary>A store that cannot be used: the message names the file and says what to do. A bad, foreign, newer or
/// read-only store is the user's input to fix (exit 2); a full or failing disk is an infrastructure error (exit 3).</summary>
public sealed class StoreException : Exception
{
    /// <summary>A failure of the store at <paramref name="path"/>; the message is prefixed with the path.</summary>
    public StoreException(string path, StoreFailure failure, string message, Exception? inner = null)
        : base($"{path}: {message}", inner)
    {
        Path = path;
        Failure = failure;
    }

    internal const string ReadOnlyAdvice =
        "is read-only; 'report' and 'gate --from' read it as it is, but 'run', 'gate' and 'merge' write: make it writable or pass --store to a writable copy";

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>Why the store could not be used: decides the exit code.</summary>
    public StoreFailure Failure { get; }

    /// <summary>True when the user must fix the input (another --store, a writable copy, a newer harness).</summary>
    public bool IsBadInput => Failure is StoreFailure.NotAStore or StoreFailure.Foreign or StoreFailure.Newer or StoreFailure.ReadOnly;

    /// <summary>The same failure with how to finish the run once fixed (a full disk mid-run).</summary>
    public StoreException WithResume(string runId) =>
        new(Path, Failure, $"{Message[(Path.Length + 2)..]} Trials committed before it are kept; once fixed, finish the run with: agentops-evals run --resume {runId} --store {Path}", InnerException);

    /// <summary>Names a SQLite error for people. Extended result codes are reduced to their primary code.</summary>
    internal static StoreException From(string path, SqliteException e) => (e.SqliteErrorCode & 0xff) switch
    {
        SqliteErrorCodes.NotADatabase or SqliteErrorCodes.Corrupt => new StoreException(path, StoreFailure.NotAStore,
            "is not an agentops-evals store (not a SQLite database, or damaged); pass another --store, or move this file aside to start a new store", e),
        SqliteErrorCodes.ReadOnly => new StoreException(path, StoreFailure.ReadOnly, ReadOnlyAdvice, e),
        SqliteErrorCodes.Full => new StoreException(path, StoreFailure.Full,
            "the disk holding the store is full; free some space (or pass --store on another disk).", e),
        SqliteErrorCodes.Busy or SqliteErrorCodes.Locked => new StoreException(path, StoreFailure.Unavailable,
            "is locked by another process for longer than 10 s; retry when it finishes", e),
        SqliteErrorCodes.CantOpen => new StoreException(path, StoreFailure.Unavailable,
            "cannot be opened (missing folder or no permission); check the path and its folder's permissions", e),
        _ => new StoreException(path, StoreFailure.Unavailable, $"the store failed: {e.Message}", e),
    };
}
