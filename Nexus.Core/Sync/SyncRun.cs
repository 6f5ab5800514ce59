using Nexus.Core.Tenancy;

namespace Nexus.Core.Sync;

public enum SyncMode { Full, Incremental }

public enum SyncRunStatus { Running, Succeeded, Failed, Cancelled }

/// <summary>One sync of one store: when, how, what it did, and how it ended. Kept as history.</summary>
public sealed class SyncRun : ITenantOwned
{
    public long Id { get; set; }

    public Guid TenantId { get; set; }

    public int StoreId { get; set; }

    public SyncMode Mode { get; set; }

    /// <summary>
    /// The uploaded file this run imported (its name as the merchant uploaded it), or null for a sync from a shop's
    /// API. History labels such a run "Import · orders_export.csv" instead of its mode.
    /// </summary>
    public string? ImportedFile { get; set; }

    public SyncRunStatus Status { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Requests { get; set; }

    public int Retries { get; set; }

    public int Throttled { get; set; }

    /// <summary>Per-entity counts as JSON (<see cref="EntityCounts"/> by entity name): small, read whole, never queried inside.</summary>
    public string CountsJson { get; set; } = "{}";

    public string? Error { get; set; }

    /// <summary>The run stopped without finishing (its process died); the next run of the store resumes its work.</summary>
    public bool Interrupted { get; set; }

    /// <summary>
    /// When this run resumes interrupted runs: the first run of that chain. Entities finished by any run since then
    /// are not fetched again, however many crashes the chain went through (the furthest consistent checkpoint).
    /// </summary>
    public long? ResumesChainFromRunId { get; set; }
}

/// <summary>What one entity's part of a sync did.</summary>
public sealed record EntityCounts
{
    public long Fetched { get; set; }
    public long Inserted { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long Quarantined { get; set; }
    public long? Total { get; set; }

    /// <summary>Records with quality findings so far in the run, each counted once by its worst severity (live on the progress view, as on the report card).</summary>
    public long Errors { get; set; }
    public long Warnings { get; set; }
    public long Infos { get; set; }

    /// <summary>Records stored new or changed whose values a cleanser changed (trimmed, e-mail lower-cased, phone to E.164, …); each change is logged in the record.</summary>
    public long Cleansed { get; set; }
}

/// <summary>
/// Where a store's sync of one entity stands: the modification time up to which everything is stored (for
/// incremental syncs) and, while a run is in progress, the continuation token of the next page to fetch (so a killed
/// run resumes). It is written in the same transaction as the page it follows (Storage's page unit of work).
/// </summary>
public sealed class SyncCursor : ITenantOwned
{
    public Guid TenantId { get; set; }

    public int StoreId { get; set; }

    public string Entity { get; set; } = "";

    /// <summary>The run that last finished this entity: a run resuming an interrupted one skips entities it already finished.</summary>
    public long? LastCompletedRunId { get; set; }

    /// <summary>Everything modified at or before this instant is stored.</summary>
    public DateTimeOffset? CompletedThrough { get; set; }

    /// <summary>Set while a run is in progress: the run it belongs to.</summary>
    public long? InProgressRunId { get; set; }

    /// <summary>
    /// While a run is in progress: the connector's opaque token for the next page to fetch (a page number for
    /// WooCommerce, a cursor for Shopify); null means "from the first page".
    /// </summary>
    public string? ContinuationToken { get; set; }

    /// <summary>The <c>modified_after</c> the in-progress run started from, so a resumed run asks for the same pages.</summary>
    public DateTimeOffset? InProgressSince { get; set; }

    /// <summary>Highest modification time seen by the in-progress run; becomes <see cref="CompletedThrough"/> when it finishes.</summary>
    public DateTimeOffset? InProgressHighWater { get; set; }
}
