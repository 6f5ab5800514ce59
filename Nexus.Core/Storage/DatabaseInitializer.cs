using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Nexus.Core.Storage;

/// <summary>Brings the database to the current schema at start-up and applies the provider's start-up settings.</summary>
public sealed class DatabaseInitializer(IDbContextFactory<NexusDbContext> factory, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
        }
        await db.Database.MigrateAsync(cancellationToken);
        await Sqlite.SqliteStorage.AfterMigrateAsync(db, cancellationToken);
    }
}
