using Microsoft.Data.Sqlite;
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

    /// <summary>Opens the database without creating it (a missing file is a failure, not a new empty database) and reads the migrations table.</summary>
    public static async Task<DatabaseProbeResult> ProbeAsync(NexusStorageOptions storage, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(storage.ResolveConnectionString()) { Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 1 };
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && !File.Exists(file))
        {
            return new(false, "The database file is missing. Start the app once to create it, or check the data folder setting.");
        }
        try
        {
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // DefaultTimeout = 1 s is also how long a busy database is waited for: a health check must answer
            // quickly, and a lock held for longer is worth reporting.
            command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsHistory\";";
            var migrations = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return migrations > 0 ? DatabaseProbeResult.Connected : new(false, "The database has no schema yet.");
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6)
        {
            return new(false, "The database is locked by another process.");
        }
        catch (SqliteException)
        {
            return new(false, "The database cannot be read.");
        }
    }
}
