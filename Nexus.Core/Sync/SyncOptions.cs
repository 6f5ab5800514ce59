using System.ComponentModel.DataAnnotations;

namespace Nexus.Core.Sync;

/// <summary>Sync engine settings (<c>Nexus:Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string Section = "Nexus:Sync";

    /// <summary>Pages of one store fetched at once. The store's request budget still caps the request rate.</summary>
    [Range(1, 16)]
    public int WorkersPerStore { get; set; } = 3;

    /// <summary>
    /// Incremental syncs ask for records modified since the last high-water mark minus this window, so records
    /// changed while a sync was running, or stamped by a slightly skewed clock, are not missed. Re-fetched
    /// records that did not change are recognised and not rewritten.
    /// </summary>
    public TimeSpan IncrementalOverlap { get; set; } = TimeSpan.FromMinutes(10);
}
