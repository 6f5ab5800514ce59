using Microsoft.EntityFrameworkCore;
using Nexus.Core.Storage;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;

namespace Nexus.Tests.Storage;

public sealed class TenantFilterTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "nexus-tenant-tests", Guid.NewGuid().ToString("N"));
    private readonly Guid _a = Guid.NewGuid();
    private readonly Guid _b = Guid.NewGuid();

    private NexusDbContext Create(Guid? tenant)
    {
        var options = new DbContextOptionsBuilder<NexusDbContext>();
        StorageServiceCollectionExtensions.Configure(options, new NexusStorageOptions { DataFolder = _folder });
        return new NexusDbContext(options.Options) { TenantId = tenant };
    }

    public async Task InitializeAsync()
    {
        await using var db = Create(null);
        await db.Database.MigrateAsync();
        db.Tenants.AddRange(new Tenant { Id = _a, Name = "A" }, new Tenant { Id = _b, Name = "B" });
        db.Stores.AddRange(
            new ConnectedStore { TenantId = _a, Name = "a-1", Platform = "woocommerce" },
            new ConnectedStore { TenantId = _a, Name = "a-2", Platform = "woocommerce" },
            new ConnectedStore { TenantId = _b, Name = "b-1", Platform = "woocommerce" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_stores()
    {
        await using var db = Create(_a);
        var names = await db.Stores.Select(s => s.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(["a-1", "a-2"], names);
    }

    [Fact]
    public async Task Looking_up_another_tenants_store_by_id_finds_nothing()
    {
        int theirs;
        await using (var b = Create(_b)) theirs = await b.Stores.Select(s => s.Id).SingleAsync();
        await using var a = Create(_a);
        Assert.Null(await a.Stores.FirstOrDefaultAsync(s => s.Id == theirs));
        Assert.Null(await a.Stores.FindAsync(theirs));
    }

    [Fact]
    public async Task A_context_without_a_tenant_sees_no_stores()
    {
        await using var db = Create(null);
        Assert.Equal(0, await db.Stores.CountAsync());
        Assert.Equal(3, await db.Stores.IgnoreQueryFilters().CountAsync());
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
