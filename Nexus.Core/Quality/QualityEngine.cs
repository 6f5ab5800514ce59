using Nexus.Core.Model;
using Nexus.Core.Quality.Cleansing;
using Nexus.Core.Quality.Rules;

namespace Nexus.Core.Quality;

/// <summary>One failed rule on one record, ready to show and store.</summary>
public sealed record RecordIssue(string RuleId, QualitySeverity Severity, string Field, string? Value, string Message, bool Quarantines);

/// <summary>What Quality decided about one record: the cleansed record, what cleansing changed, what failed, and whether to quarantine it.</summary>
public sealed record QualityVerdict<T>(T Record, string PlatformId, IReadOnlyList<CleansingChange> Cleansing, IReadOnlyList<RecordIssue> Issues)
{
    /// <summary>True when an error makes the record unusable: it goes to quarantine with its reasons instead of storage.</summary>
    public bool Quarantine => Issues.Any(i => i.Quarantines);
}

/// <summary>
/// Cleanses, then validates one record against every rule of its entity. Pure and thread-safe: the store
/// context comes in as <see cref="QualityCheckContext"/>.
/// </summary>
public sealed class QualityEngine(RuleCatalog rules)
{
    public static QualityEngine Default { get; } = new(RuleCatalog.Default);

    public RuleCatalog Rules => rules;

    public QualityVerdict<Customer> Evaluate(Customer record, QualityCheckContext context) => Validate(Cleanse(record, out var log), record.PlatformId, log, rules.Customers, context);

    public QualityVerdict<Product> Evaluate(Product record, QualityCheckContext context) => Validate(Cleanse(record, out var log), record.PlatformId, log, rules.Products, context);

    public QualityVerdict<Order> Evaluate(Order record, QualityCheckContext context) => Validate(Cleanse(record, out var log), record.PlatformId, log, rules.Orders, context);

    /// <summary>Cleansing alone (the gate cleanses a page first so cross-record facts see cleansed e-mails and SKUs).</summary>
    public static Customer Cleanse(Customer record, out CleansingLog log) => RecordCleanser.Cleanse(record, log = new CleansingLog());

    public static Product Cleanse(Product record, out CleansingLog log) => RecordCleanser.Cleanse(record, log = new CleansingLog());

    public static Order Cleanse(Order record, out CleansingLog log) => RecordCleanser.Cleanse(record, log = new CleansingLog());

    /// <summary>Runs the rules over an already cleansed record.</summary>
    public static QualityVerdict<T> Validate<T>(T cleansed, string platformId, CleansingLog log, IReadOnlyList<QualityRule<T>> rules, QualityCheckContext context)
    {
        List<RecordIssue>? issues = null;
        foreach (var rule in rules)
        {
            if (rule.Check(cleansed, context) is not { } finding) continue;
            (issues ??= []).Add(new RecordIssue(rule.Id, rule.Severity, finding.Field, finding.Value is null ? null : QualityRule<T>.Shorten(finding.Value, 200),
                rule.Describe(finding), rule.Quarantines));
        }
        return new QualityVerdict<T>(cleansed, platformId, log.Changes, (IReadOnlyList<RecordIssue>?)issues ?? []);
    }
}
