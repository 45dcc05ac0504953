namespace AgentOps.Evals.Storage;

/// <summary>
/// The store's schema as a list of migrations. A store records its version in SQLite's <c>user_version</c> and marks
/// itself with <see cref="ApplicationId"/>, so a store from a newer harness, or a SQLite file of something else, is
/// refused when it opens, before any model call. Add a step at the end to change the schema; never edit a shipped one.
/// </summary>
internal static class StoreSchema
{
    /// <summary>"AGOE" in SQLite's application_id header field.</summary>
    public const int ApplicationId = 0x41474F45;

    /// <summary>The tables every version has; a file with none of them and other tables is someone else's database.</summary>
    public static readonly string[] CoreTables = ["runs", "trials", "assertions"];

    public static readonly IReadOnlyList<StoreMigration> Migrations =
    [
        // Version 1 is the schema stores had before versions existed (user_version 0 with these tables is adopted as 1).
        new(1, "runs, trials and assertions", """
            CREATE TABLE IF NOT EXISTS runs (
                run_id TEXT PRIMARY KEY,
                candidate TEXT NOT NULL,
                model_id TEXT NOT NULL,
                prompt_hash TEXT NOT NULL,
                provider TEXT NOT NULL,
                harness_version TEXT NOT NULL,
                k INTEGER NOT NULL,
                revision TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                status TEXT NOT NULL,
                filter TEXT,
                shard TEXT,
                git_commit TEXT,
                git_branch TEXT,
                cases TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS runs_by_candidate ON runs(candidate, started_at);
            CREATE TABLE IF NOT EXISTS trials (
                run_id TEXT NOT NULL,
                case_id TEXT NOT NULL,
                trial INTEGER NOT NULL,
                outcome TEXT NOT NULL,
                output TEXT NOT NULL,
                trajectory TEXT NOT NULL,
                input_tokens INTEGER NOT NULL,
                output_tokens INTEGER NOT NULL,
                cost_usd REAL NOT NULL,
                judge_cost_usd REAL NOT NULL,
                latency_ms REAL NOT NULL,
                finish_reason TEXT,
                error TEXT,
                error_kind TEXT,
                finished_at TEXT NOT NULL,
                PRIMARY KEY (run_id, case_id, trial));
            CREATE TABLE IF NOT EXISTS assertions (
                run_id TEXT NOT NULL,
                case_id TEXT NOT NULL,
                trial INTEGER NOT NULL,
                ordinal INTEGER NOT NULL,
                type TEXT NOT NULL,
                passed INTEGER NOT NULL,
                reason TEXT NOT NULL,
                score REAL,
                infra_error INTEGER NOT NULL,
                PRIMARY KEY (run_id, case_id, trial, ordinal));
            """),
        // drift keeps its runs beside the eval runs so health can read coverage against drift over time.
        new(2, "drift runs", """
            CREATE TABLE IF NOT EXISTS drift_runs (
                run_id TEXT PRIMARY KEY,
                at TEXT NOT NULL,
                since TEXT,
                until TEXT,
                queries INTEGER NOT NULL,
                clusters INTEGER NOT NULL,
                flagged INTEGER NOT NULL,
                no_case_share REAL NOT NULL,
                drifted INTEGER NOT NULL,
                report TEXT NOT NULL);
            """),
        // A candidate's model settings are part of its identity: stored so report shows them and --resume refuses a changed one.
        new(3, "model settings of a run's candidate", """
            ALTER TABLE runs ADD COLUMN model_settings TEXT NOT NULL DEFAULT '';
            """),
        // An assertion's Microsoft.Extensions.AI.Evaluation metric (name, value, rating, reason, diagnostics, metadata) as
        // JSON beside the verdict read from it; null for rows written before version 4.
        new(4, "assertion metrics", """
            ALTER TABLE assertions ADD COLUMN metric TEXT;
            """),
        // harvest keeps its runs too, so health reads time to eval and the production-sourced intake from the store.
        new(5, "harvest runs", """
            CREATE TABLE IF NOT EXISTS harvest_runs (
                run_id TEXT PRIMARY KEY,
                at TEXT NOT NULL,
                sessions INTEGER NOT NULL,
                cases_written INTEGER NOT NULL,
                cases_present INTEGER NOT NULL,
                summary TEXT NOT NULL);
            """),
    ];

    /// <summary>The version this harness writes and reads.</summary>
    public static int Current => Migrations[^1].Version;
}
