namespace AgentOps.Evals.Storage;

/// <summary>One step of the store's schema: applied once, in order, to a store whose version is below <see cref="Version"/>.</summary>
/// <param name="Sql">Additive statements only (new tables, columns, indexes), so an older harness can still read the tables it knows.</param>
/// <param name="Version">The schema version this step brings the store to.</param>
/// <param name="Description">What the step adds, for people.</param>
internal sealed record StoreMigration(int Version, string Description, string Sql);
