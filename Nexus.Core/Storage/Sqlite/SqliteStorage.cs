using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage.Sql;

namespace Nexus.Core.Storage.Sqlite;

/// <summary>Everything SQLite-specific about Nexus's storage: the provider, per-connection pragmas, WAL, and the SQL dialect.</summary>
internal static class SqliteStorage
{
    public const string ProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    public static void Configure(DbContextOptionsBuilder options, NexusStorageOptions storage)
    {
        Directory.CreateDirectory(storage.ResolveDataFolder());
        options.UseSqlite(storage.ResolveConnectionString(), sqlite => sqlite.MigrationsAssembly(typeof(NexusDbContext).Assembly.FullName))
            .AddInterceptors(new SqlitePragmaInterceptor())
            // A migration that drops a column makes EF rebuild the table, which SQLite does outside the migration's
            // transaction (PRAGMA foreign_keys cannot change inside one); the data SQL in the same migration runs before
            // the rebuild on purpose (it reads the column being dropped). Both warnings describe that plan, not a fault,
            // and on every fresh database they were printed to the CLI's stderr.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.SqliteEventId.TableRebuildPendingWarning,
                Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning));
    }

    /// <summary>After migrating: WAL, so readers never block the sync's writer (journal_mode is persistent in the file, so once per start is enough).</summary>
    public static async Task AfterMigrateAsync(NexusDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName == ProviderName) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }
}
