namespace Nexus.Core.Storage;

/// <summary>What a readiness probe of the database found, in words fit for a public endpoint (no paths, no connection strings).</summary>
public readonly record struct DatabaseProbeResult(bool Healthy, string Description)
{
    public static DatabaseProbeResult Connected { get; } = new(true, "connected");
}

/// <summary>Opens the configured database without creating it and reads its migrations table, on whichever provider is configured.</summary>
public static class DatabaseProbe
{
    public static Task<DatabaseProbeResult> ProbeAsync(NexusStorageOptions storage, CancellationToken cancellationToken = default) =>
        storage.Provider == DatabaseProvider.PostgreSql
            ? PostgreSql.PostgreSqlStorage.ProbeAsync(storage, cancellationToken)
            : Sqlite.SqliteStorage.ProbeAsync(storage, cancellationToken);
}
