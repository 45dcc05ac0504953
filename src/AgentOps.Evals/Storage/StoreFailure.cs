namespace AgentOps.Evals.Storage;

/// <summary>Why a store could not be used; decides the exit code and the advice printed.</summary>
public enum StoreFailure
{
    /// <summary>The file is not a SQLite database, or is damaged.</summary>
    NotAStore,

    /// <summary>A SQLite database written by something else.</summary>
    Foreign,

    /// <summary>Written by a newer agentops-evals (a schema version this one does not know).</summary>
    Newer,

    /// <summary>The file or its folder cannot be written.</summary>
    ReadOnly,

    /// <summary>The disk (or the store's size limit) is full.</summary>
    Full,

    /// <summary>Anything else: the file cannot be opened, is locked, or the disk failed.</summary>
    Unavailable,
}
