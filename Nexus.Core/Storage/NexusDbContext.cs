using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Nexus.Core.Accounts;
using Nexus.Core.Quality.Storage;
using Nexus.Core.Storage.Records;
using Nexus.Core.Stores;
using Nexus.Core.Sync;
using Nexus.Core.Tenancy;

namespace Nexus.Core.Storage;

/// <summary>
/// The one EF Core context: Identity tables plus every tenant-owned set. Tenant-owned sets are filtered by
/// <see cref="TenantId"/>; a context whose tenant was never set sees no tenant data at all, so forgetting to
/// scope a query fails closed rather than leaking another merchant's stores.
/// </summary>
public partial class NexusDbContext(DbContextOptions<NexusDbContext> options) : IdentityDbContext<NexusUser>(options)
{
    /// <summary>The tenant whose rows this context may see. Null means none.</summary>
    public Guid? TenantId { get; set; }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ConnectedStore> Stores => Set<ConnectedStore>();

    public DbSet<StoredCustomer> Customers => Set<StoredCustomer>();

    public DbSet<StoredOrder> Orders => Set<StoredOrder>();

    public DbSet<StoredProduct> Products => Set<StoredProduct>();

    public DbSet<StoredOrderLine> OrderLines => Set<StoredOrderLine>();

    public DbSet<QuarantinedRecord> Quarantine => Set<QuarantinedRecord>();

    public DbSet<SyncRun> SyncRuns => Set<SyncRun>();

    public DbSet<SyncCursor> SyncCursors => Set<SyncCursor>();

    /// <summary>One row per store being synced right now, by any process: the one-sync-per-store lock.</summary>
    public DbSet<StoreSyncLease> SyncLeases => Set<StoreSyncLease>();

    public DbSet<Resilience.StoreRequestBudgetState> RequestBudgets => Set<Resilience.StoreRequestBudgetState>();

    public DbSet<QualityIssueRecord> QualityIssues => Set<QualityIssueRecord>();

    public DbSet<QualitySnapshot> QualitySnapshots => Set<QualitySnapshot>();

    public DbSet<Analytics.Forecasting.Cache.ForecastCacheEntry> ForecastCache => Set<Analytics.Forecasting.Cache.ForecastCacheEntry>();

    public DbSet<Analytics.Products.Cache.ProductCacheEntry> ProductCache => Set<Analytics.Products.Cache.ProductCacheEntry>();

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
            t.Property(x => x.ReportingCurrency).HasMaxLength(3);
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

        ConfigureRecord<StoredCustomer>(builder, "customers", c =>
        {
            c.HasIndex(x => new { x.StoreId, x.Email });
            // The customer directory and the profile find a person's accounts by key.
            c.HasIndex(x => new { x.StoreId, x.PersonKey });
        });
        ConfigureRecord<StoredOrder>(builder, "orders", o =>
        {
            o.HasIndex(x => new { x.StoreId, x.CreatedAt });
            o.Property(x => x.CountryCode).HasMaxLength(16);
            o.HasIndex(x => new { x.StoreId, x.CustomerPlatformId });
            // Covering indexes for the analytics read models (Analytics/Metrics): every column those queries touch,
            // TenantId last for the tenant filter, so period sums and per-person GROUP BYs (PersonKey, see
            // ScopedOrders.PerCustomer) read only the index, in index order within one store and currency. CustomerPlatformId: the customer
            // directory finds each person's accounts from the same index.
            o.HasIndex(x => new { x.StoreId, x.Currency, x.CreatedAt, x.Status, x.TotalMinor, x.RefundedMinor, x.PersonKey, x.TenantId },
                "IX_orders_analytics_period");
            o.HasIndex(x => new { x.StoreId, x.Currency, x.PersonKey, x.CreatedAt, x.Status, x.TotalMinor, x.RefundedMinor, x.CustomerPlatformId, x.TenantId },
                "IX_orders_analytics_person");
        });
        ConfigureRecord<StoredProduct>(builder, "products", p =>
        {
            p.HasIndex(x => new { x.StoreId, x.Sku });
            p.Property(x => x.UnitCostCurrency).HasMaxLength(3);
        });
        builder.Entity<StoredOrderLine>(l =>
        {
            l.ToTable("order_lines");
            l.Property(x => x.Currency).HasMaxLength(3);
            l.Property(x => x.OrderStatus).HasMaxLength(40);
            // An order's lines are replaced together; the key is what a platform guarantees unique.
            l.HasIndex(x => new { x.StoreId, x.OrderPlatformId, x.LinePlatformId }).IsUnique();
            // Per-product, per-day: the product, then the day, covering what the sums read.
            l.HasIndex(x => new { x.StoreId, x.ProductPlatformId, x.OrderCreatedAt, x.Quantity, x.NetMinor, x.OrderStatus, x.TenantId }, "IX_order_lines_product_day");
            l.HasIndex(x => new { x.StoreId, x.OrderCreatedAt });
            l.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            l.HasQueryFilter(x => x.TenantId == TenantId);
        });

        builder.Entity<QuarantinedRecord>(q =>
        {
            q.ToTable("quarantine");
            q.HasIndex(x => new { x.StoreId, x.Entity, x.PlatformId });
            q.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            q.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<SyncRun>(r =>
        {
            r.ToTable("sync_runs");
            r.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            r.Property(x => x.ImportedFile).HasMaxLength(260);
            r.HasIndex(x => new { x.StoreId, x.StartedAt });
            r.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            r.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<StoreSyncLease>(l =>
        {
            // Operational, not tenant data: the lock must be seen by every process whatever tenant it serves.
            l.ToTable("sync_leases");
            l.HasKey(x => x.StoreId);
            l.Property(x => x.StoreId).ValueGeneratedNever();
            l.Property(x => x.Holder).HasMaxLength(300);
            l.Property(x => x.HolderId).HasMaxLength(300);
        });
        builder.Entity<Resilience.StoreRequestBudgetState>(b =>
        {
            // Operational like the lease, and without a foreign key: a claim for a store deleted mid-sync must not fail.
            b.ToTable("store_request_budgets");
            b.HasKey(x => x.StoreId);
            b.Property(x => x.StoreId).ValueGeneratedNever();
        });
        builder.Entity<QualityIssueRecord>(q =>
        {
            q.ToTable("quality_issues");
            q.Property(x => x.Entity).HasMaxLength(20);
            q.Property(x => x.RuleId).HasMaxLength(80);
            q.HasIndex(x => new { x.StoreId, x.Entity, x.PlatformId });
            q.HasIndex(x => new { x.StoreId, x.RuleId });
            q.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            q.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<QualitySnapshot>(q =>
        {
            q.ToTable("quality_snapshots");
            q.Property(x => x.Grade).HasMaxLength(3);
            q.Property(x => x.Trigger).HasMaxLength(20);
            q.HasIndex(x => new { x.StoreId, x.TakenAt });
            q.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            q.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<Analytics.Forecasting.Cache.ForecastCacheEntry>(f =>
        {
            f.ToTable("forecast_cache");
            f.Property(x => x.Metric).HasMaxLength(20);
            f.Property(x => x.Frequency).HasMaxLength(20);
            f.Property(x => x.Currency).HasMaxLength(3);
            f.Property(x => x.Status).HasMaxLength(20);
            f.HasIndex(x => new { x.TenantId, x.StoreId, x.Metric, x.Frequency }).IsUnique();
            f.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            f.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
            f.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<Analytics.Products.Cache.ProductCacheEntry>(p =>
        {
            p.ToTable("product_cache");
            p.Property(x => x.Currency).HasMaxLength(3);
            p.Property(x => x.Status).HasMaxLength(20);
            p.HasIndex(x => new { x.TenantId, x.StoreId }).IsUnique();
            p.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
            p.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<SyncCursor>(c =>
        {
            c.ToTable("sync_cursors");
            c.HasKey(x => new { x.StoreId, x.Entity });
            c.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            c.HasQueryFilter(x => x.TenantId == TenantId);
        });
        ConfigureMonitoring(builder);
        ConfigureCurrency(builder);
    }

    /// <summary>
    /// Synced records are unique per (store, platform id): the key the bulk upsert conflicts on. The upsert reads its
    /// table and column names from this model (<c>Storage/Sql/MappedTable</c>), so they are named here only.
    /// </summary>
    private void ConfigureRecord<T>(ModelBuilder builder, string table, Action<Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T>> configure)
        where T : StoredRecord
    {
        builder.Entity<T>(e =>
        {
            e.ToTable(table);
            e.HasIndex(x => new { x.StoreId, x.PlatformId }).IsUnique();
            e.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(x => x.TenantId == TenantId);
            configure(e);
        });
    }
}
