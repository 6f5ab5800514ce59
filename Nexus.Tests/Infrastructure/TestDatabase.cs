using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;

namespace Nexus.Tests.Infrastructure;

/// <summary>A migrated SQLite database in its own temp folder, with one tenant and one store, deleted afterwards.</summary>
public sealed class TestDatabase : IDbContextFactory<NexusDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<NexusDbContext> _options;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "nexus-db-tests", Guid.NewGuid().ToString("N"));

    public Guid TenantId { get; } = Guid.NewGuid();

    public int StoreId { get; private set; }

    private TestDatabase()
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = Folder });
        _options = options.Options;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        var database = new TestDatabase();
        await new DatabaseInitializer(database, NullLogger<DatabaseInitializer>.Instance).InitializeAsync();
        await using var db = database.CreateDbContext();
        db.Tenants.Add(new Tenant { Id = database.TenantId, Name = "test" });
        var store = new ConnectedStore { TenantId = database.TenantId, Name = "test", Platform = "woocommerce", BaseUrl = "http://127.0.0.1" };
        db.Stores.Add(store);
        await db.SaveChangesAsync();
        database.StoreId = store.Id;
        return database;
    }

    public NexusDbContext CreateDbContext() => new(_options);

    /// <summary>A context that sees this database's tenant.</summary>
    public NexusDbContext ForTenant() => new(_options) { TenantId = TenantId };

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
