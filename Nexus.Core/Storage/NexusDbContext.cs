using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nexus.Core.Accounts;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;

namespace Nexus.Core.Storage;

/// <summary>
/// The one EF Core context: Identity tables plus every tenant-owned set. Tenant-owned sets are filtered by
/// <see cref="TenantId"/>; a context whose tenant was never set sees no tenant data at all, so forgetting to
/// scope a query fails closed rather than leaking another merchant's stores.
/// </summary>
public class NexusDbContext(DbContextOptions<NexusDbContext> options) : IdentityDbContext<NexusUser>(options)
{
    /// <summary>The tenant whose rows this context may see. Null means none.</summary>
    public Guid? TenantId { get; set; }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ConnectedStore> Stores => Set<ConnectedStore>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset columns. Nexus stores UTC only, so the binary form
        // (ticks with a zero offset) sorts exactly like the instant and works on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<NexusUser>().HasIndex(u => u.TenantId);

        builder.Entity<Tenant>(t =>
        {
            t.Property(x => x.Name).HasMaxLength(200);
        });

        builder.Entity<ConnectedStore>(s =>
        {
            s.Property(x => x.Name).HasMaxLength(200);
            s.Property(x => x.Platform).HasMaxLength(40);
            s.Property(x => x.BaseUrl).HasMaxLength(2000);
            s.HasIndex(x => x.TenantId);
            s.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
            s.HasQueryFilter(x => x.TenantId == TenantId);
        });
    }
}
