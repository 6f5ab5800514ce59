using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;
using Nexus.Core.Storage;

namespace Nexus.Benchmarks.Storage;

/// <summary>
/// A migrated SQLite database in a temp folder with one tenant and one store (with encrypted credentials), deleted on
/// dispose. Benchmarks and tests both start from it, so every leg and every test begins from an empty store.
/// </summary>
public sealed class ScratchStoreDatabase : IDbContextFactory<NexusDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<NexusDbContext> _options;

    private ScratchStoreDatabase()
    {
        var builder = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(builder, new NexusStorageOptions { DataFolder = Folder });
        _options = builder.Options;
        Protector = new StoreCredentialProtector(DataProtectionProvider.Create(new DirectoryInfo(Path.Combine(Folder, "keys"))));
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "nexus-scratch", Guid.NewGuid().ToString("N"));

    public Guid TenantId { get; } = Guid.NewGuid();
    public int StoreId { get; private set; }
    public StoreCredentialProtector Protector { get; }

    public static async Task<ScratchStoreDatabase> CreateAsync(string platform = "woocommerce", CancellationToken cancellationToken = default)
    {
        var database = new ScratchStoreDatabase();
        await new DatabaseInitializer(database, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(cancellationToken);
        await using var db = database.CreateDbContext();
        db.Tenants.Add(new Tenant { Id = database.TenantId, Name = "bench" });
        var store = new ConnectedStore
        {
            TenantId = database.TenantId, Name = "bench", Platform = platform, BaseUrl = "http://127.0.0.1",
            ProtectedCredentials = database.Protector.Protect(new StoreCredentials("k", "s")),
        };
        db.Stores.Add(store);
        await db.SaveChangesAsync(cancellationToken);
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
