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
            .AddInterceptors(new SqlitePragmaInterceptor());
    }

    /// <summary>After migrating: WAL, so readers never block the sync's writer (journal_mode is persistent in the file, so once per start is enough).</summary>
    public static async Task AfterMigrateAsync(NexusDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.ProviderName == ProviderName) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
    }
}
