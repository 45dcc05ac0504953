namespace AgentOps.Evals.Storage;

/// <summary>SQLite's primary result codes (sqlite3.h) that the store names.</summary>
internal static class SqliteErrorCodes
{
    public const int Busy = 5;
    public const int Locked = 6;
    public const int ReadOnly = 8;
    public const int Corrupt = 11;
    public const int Full = 13;
    public const int CantOpen = 14;
    public const int NotADatabase = 26;
}
