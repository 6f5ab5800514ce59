using Microsoft.EntityFrameworkCore;
using Nexus.Core.Monitoring.Alerts;
using Nexus.Core.Monitoring.Notifications;
using Nexus.Core.Stores;
using Nexus.Core.Tenancy;

namespace Nexus.Core.Storage;

/// <summary>The monitoring feature's sets (alerts, reachability, notifications), kept apart so the main file stays the sync's.</summary>
public partial class NexusDbContext
{
    public DbSet<AlertRule> AlertRules => Set<AlertRule>();

    public DbSet<Alert> Alerts => Set<Alert>();

    public DbSet<StoreReachability> StoreReachability => Set<StoreReachability>();

    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<DigestRecord> Digests => Set<DigestRecord>();

    private void ConfigureMonitoring(ModelBuilder builder)
    {
        builder.Entity<AlertRule>(r =>
        {
            r.ToTable("alert_rules");
            r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            r.HasIndex(x => new { x.TenantId, x.Kind }).IsUnique();
            r.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
            r.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<Alert>(a =>
        {
            a.ToTable("alerts");
            a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            a.Property(x => x.Severity).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Key).HasMaxLength(120);
            a.Property(x => x.Title).HasMaxLength(300);
            a.Property(x => x.Detail).HasMaxLength(2000);
            a.Property(x => x.AcknowledgedBy).HasMaxLength(256);
            a.Ignore(x => x.IsOpen);
            a.HasIndex(x => new { x.TenantId, x.ResolvedAt, x.Key });
            a.HasIndex(x => new { x.TenantId, x.OpenedAt });
            a.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<ConnectedStore>().WithMany().HasForeignKey(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            a.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<StoreReachability>(r =>
        {
            r.ToTable("store_reachability");
            r.HasKey(x => x.StoreId);
            r.Property(x => x.Summary).HasMaxLength(1000);
            r.Property(x => x.Fix).HasMaxLength(1000);
            r.HasOne<ConnectedStore>().WithOne().HasForeignKey<StoreReachability>(x => x.StoreId).OnDelete(DeleteBehavior.Cascade);
            r.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<NotificationSettings>(n =>
        {
            n.ToTable("notification_settings");
            n.HasKey(x => x.TenantId);
            n.Property(x => x.EmailRecipients).HasMaxLength(2000);
            n.Property(x => x.DigestDay).HasConversion<string>().HasMaxLength(10);
            n.Property(x => x.TimeZoneId).HasMaxLength(100);
            n.HasOne<Tenant>().WithOne().HasForeignKey<NotificationSettings>(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
            n.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<WebhookEndpoint>(w =>
        {
            w.ToTable("webhook_endpoints");
            w.Property(x => x.Url).HasMaxLength(2000);
            w.HasIndex(x => x.TenantId);
            w.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
            w.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<WebhookDelivery>(d =>
        {
            d.ToTable("webhook_deliveries");
            d.Property(x => x.Event).HasMaxLength(40);
            d.Property(x => x.LastError).HasMaxLength(1000);
            d.HasIndex(x => new { x.TenantId, x.CreatedAt });
            d.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
            d.HasQueryFilter(x => x.TenantId == TenantId);
        });
        builder.Entity<DigestRecord>(d =>
        {
            d.ToTable("digests");
            d.Property(x => x.Subject).HasMaxLength(300);
            d.Property(x => x.Recipients).HasMaxLength(2000);
            d.HasIndex(x => new { x.TenantId, x.SentAt });
            d.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
            d.HasQueryFilter(x => x.TenantId == TenantId);
        });
    }
}
