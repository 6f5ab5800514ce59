using Nexus.Core.Quality.Rules;
using Nexus.Core.Tenancy;

namespace Nexus.Core.Quality.Storage;

/// <summary>
/// One failed rule on one record as it stands now. A record's rows are replaced whenever it is validated again
/// (sync or re-validate), so the table holds the store's current issues; history lives in <see cref="QualitySnapshot"/>.
/// </summary>
public sealed class QualityIssueRecord : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public int StoreId { get; set; }

    /// <summary>The sync run that found it; null when found by an on-demand re-validation.</summary>
    public long? SyncRunId { get; set; }

    /// <summary>"Customers", "Products" or "Orders" (the sync entity's name).</summary>
    public string Entity { get; set; } = "";

    public string PlatformId { get; set; } = "";
    public string RuleId { get; set; } = "";
    public QualitySeverity Severity { get; set; }
    public string Field { get; set; } = "";

    /// <summary>The offending value, cut to 200 characters.</summary>
    public string? Value { get; set; }

    public string Message { get; set; } = "";

    /// <summary>True when the record was quarantined (this or another issue made it unusable).</summary>
    public bool Quarantined { get; set; }

    public DateTimeOffset DetectedAt { get; set; }
}

/// <summary>The store's quality after one sync run or re-validation: kept so the report card can draw the trend.</summary>
public sealed class QualitySnapshot : ITenantOwned
{
    public long Id { get; set; }
    public Guid TenantId { get; set; }
    public int StoreId { get; set; }
    public long? SyncRunId { get; set; }

    /// <summary>"sync" or "revalidate".</summary>
    public string Trigger { get; set; } = "";

    public DateTimeOffset TakenAt { get; set; }
    public double Score { get; set; }
    public string Grade { get; set; } = "";

    /// <summary>Per-entity <see cref="Scoring.EntityScore"/> list as JSON: small, read whole.</summary>
    public string EntitiesJson { get; set; } = "[]";
}
