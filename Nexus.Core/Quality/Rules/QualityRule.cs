using Nexus.Core.Platforms;

namespace Nexus.Core.Quality.Rules;

public enum QualitySeverity { Info = 0, Warning = 1, Error = 2 }

/// <summary>What a failed rule points at: the field (JSON path in the canonical record) and the offending value.</summary>
public readonly record struct Finding(string Field, string? Value);

/// <summary>A rule's identity and documentation, without its record type (for listings, grouping and docs).</summary>
public interface IQualityRule
{
    /// <summary>Stable id, e.g. "customer.email-valid": stored with every issue, so never renamed.</summary>
    string Id { get; }
    SyncEntity Entity { get; }
    QualitySeverity Severity { get; }

    /// <summary>What is wrong; "{value}" is replaced with the offending value.</summary>
    string Message { get; }

    /// <summary>How the merchant fixes it at the source.</summary>
    string FixHint { get; }

    /// <summary>True when a failure makes the record unusable, so it is quarantined instead of stored.</summary>
    bool Quarantines { get; }
}

/// <summary>A rule over one record type. Rules are pure: everything about other records comes from the context.</summary>
public abstract class QualityRule<T>(string id, SyncEntity entity, QualitySeverity severity, string message, string fixHint, bool quarantines = false) : IQualityRule
{
    public string Id => id;
    public SyncEntity Entity => entity;
    public QualitySeverity Severity => severity;
    public string Message => message;
    public string FixHint => fixHint;
    public bool Quarantines => quarantines;

    /// <summary>Null when the record passes.</summary>
    public abstract Finding? Check(T record, QualityCheckContext context);

    public string Describe(Finding finding) => message.Replace("{value}", Shorten(finding.Value), StringComparison.Ordinal);

    /// <summary>Huge values (a pasted document in a name field) are cut for messages and storage.</summary>
    public static string Shorten(string? value, int max = 120) =>
        value is null ? "(none)" : value.Length <= max ? value : string.Concat(value.AsSpan(0, max), "…");
}

public abstract class CustomerRule(string id, QualitySeverity severity, string message, string fixHint, bool quarantines = false)
    : QualityRule<Model.Customer>(id, SyncEntity.Customers, severity, message, fixHint, quarantines);

public abstract class ProductRule(string id, QualitySeverity severity, string message, string fixHint, bool quarantines = false)
    : QualityRule<Model.Product>(id, SyncEntity.Products, severity, message, fixHint, quarantines);

public abstract class OrderRule(string id, QualitySeverity severity, string message, string fixHint, bool quarantines = false)
    : QualityRule<Model.Order>(id, SyncEntity.Orders, severity, message, fixHint, quarantines);
