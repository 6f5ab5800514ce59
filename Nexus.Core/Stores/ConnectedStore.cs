using Nexus.Core.Tenancy;

namespace Nexus.Core.Stores;

/// <summary>
/// A store a merchant has registered with Nexus: where it is, which platform it runs, and its credentials
/// (encrypted before they reach this entity; see the Stores feature).
/// </summary>
public sealed class ConnectedStore : ITenantOwned
{
    public int Id { get; set; }

    public Guid TenantId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Platform id as registered in the platform registry, e.g. <c>woocommerce</c>.</summary>
    public string Platform { get; set; } = "";

    public string BaseUrl { get; set; } = "";

    /// <summary>Credentials as an encrypted blob; never plaintext.</summary>
    public string ProtectedCredentials { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Hourly, on the hour (UTC).</summary>
    public const string DefaultSyncCron = "0 * * * *";

    /// <summary>When the recurring incremental sync runs (cron, UTC).</summary>
    public string SyncCron { get; set; } = DefaultSyncCron;

    /// <summary>Requests per minute Nexus allows itself against this store, shared by every fetch (WooCommerce hosts commonly tolerate 300).</summary>
    public int RequestsPerMinute { get; set; } = 300;

    /// <summary>A paused store keeps its data but its recurring sync does not run.</summary>
    public bool SchedulePaused { get; set; }

    /// <summary>The background job of the sync queued or running for this store, if any: "Sync now" shows it instead of starting another.</summary>
    public string? ActiveSyncJobId { get; set; }
}
