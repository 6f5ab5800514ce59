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

    /// <summary>
    /// Sanity ceiling on the pages of one entity in one run (50,000 pages of 100 = 5 million records). A store
    /// claiming more is misreporting its size (or hostile), so the run stops with a plain reason instead of walking
    /// a million empty pages.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxPagesPerEntity { get; set; } = 50_000;
}
