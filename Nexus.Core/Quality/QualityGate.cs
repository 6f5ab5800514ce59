using System.Data.Common;
using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Quality.Cleansing;
using Nexus.Core.Quality.Rules;
using Nexus.Core.Quality.Scoring;
using Nexus.Core.Quality.Storage;
using Nexus.Core.Storage;

namespace Nexus.Core.Quality;

/// <summary>
/// Quality inside the sync: per page, cleanse every record, look up the store facts the page needs (batched), run the
/// rules, replace the page's stored issues, and split the page into records to store and records to quarantine.
/// It runs inside the transaction that stores the page: look-ups on its connection, issues written by the caller in it
/// (<see cref="GatedPage{T}.WriteIssues"/>), so a page costs one connection and one commit.
/// </summary>
public sealed class QualityGate(QualityEngine engine, QualitySnapshotWriter snapshots) : IRecordQualityGate
{
    public async Task<GatedPage<T>> ApplyAsync<T>(QualityScope scope, IReadOnlyList<T> records, IReadOnlyList<Quarantined> mappingQuarantine,
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        where T : class
    {
        var entity = QualityEngine.EntityOf<T>();
        var (verdicts, cleansed) = records switch
        {
            IReadOnlyList<Customer> customers => await CustomersAsync(connection, transaction, scope, customers, cancellationToken),
            IReadOnlyList<Product> products => await ProductsAsync(connection, transaction, scope, products, cancellationToken),
            IReadOnlyList<Order> orders => await OrdersAsync(connection, transaction, scope, orders, cancellationToken),
            _ => throw new ArgumentException($"Quality has no rules for {typeof(T).Name}."),
        };

        var store = new List<T>(records.Count);
        var quarantine = new List<Quarantined>(mappingQuarantine);
        var found = new List<RecordIssues>(verdicts.Count + mappingQuarantine.Count);
        var (errors, warnings, infos, quarantined) = (0, 0, 0, 0);
        foreach (var verdict in verdicts)
        {
            var q = verdict.Quarantine;
            found.Add(new RecordIssues(verdict.PlatformId, verdict.Issues, q));
            switch (QualityScorer.WorstSeverity(verdict.Issues))
            {
                case QualitySeverity.Error: errors++; break;
                case QualitySeverity.Warning: warnings++; break;
                case QualitySeverity.Info: infos++; break;
            }
            if (q)
            {
                quarantined++;
                quarantine.Add(new Quarantined(MappingRule.Singular(entity), verdict.PlatformId, JsonSerializer.Serialize(verdict.Record, RecordUpserter.PayloadJson),
                    verdict.Issues.Select(i => new MappingIssue(i.Field, i.Value, i.RuleId, i.Message)).ToList()));
            }
            else
            {
                store.Add((T)verdict.Record);
            }
        }
        foreach (var bad in mappingQuarantine)
        {
            errors++;
            found.Add(new RecordIssues(bad.PlatformId ?? "", bad.Issues.Select(i => new RecordIssue(MappingRule.IdFor(entity, i.Rule), QualitySeverity.Error,
                i.Field, i.Value, i.Message, true)).ToList(), true));
        }
        return new GatedPage<T>(store, quarantine, new PageQuality(errors, warnings, infos, cleansed, quarantined),
            (c, tx, ct) => QualityIssueWriter.WriteAsync(c, tx, scope.TenantId, scope.StoreId, scope.RunId, entity, found, scope.Now, ct));
    }

    public Task RunFinishedAsync(QualityScope scope, string trigger, CancellationToken cancellationToken) =>
        snapshots.WriteAsync(scope.TenantId, scope.StoreId, scope.RunId, trigger, scope.Now, cancellationToken);

    private async Task<(List<IVerdict>, int)> CustomersAsync(DbConnection connection, DbTransaction transaction, QualityScope scope, IReadOnlyList<Customer> page, CancellationToken cancellationToken)
    {
        var (cleansed, logs, changed) = CleanseAll(page, QualityEngine.Cleanse);
        var context = new QualityCheckContext(scope.Now, await StoreFactsReader.ForCustomersAsync(connection, transaction, scope.TenantId, scope.StoreId, cleansed, cancellationToken));
        return (Validate(cleansed, logs, c => c.PlatformId, engine.Rules.Customers, context), changed);
    }

    private async Task<(List<IVerdict>, int)> ProductsAsync(DbConnection connection, DbTransaction transaction, QualityScope scope, IReadOnlyList<Product> page, CancellationToken cancellationToken)
    {
        var (cleansed, logs, changed) = CleanseAll(page, QualityEngine.Cleanse);
        var context = new QualityCheckContext(scope.Now, await StoreFactsReader.ForProductsAsync(connection, transaction, scope.TenantId, scope.StoreId, cleansed, cancellationToken));
        return (Validate(cleansed, logs, p => p.PlatformId, engine.Rules.Products, context), changed);
    }

    private async Task<(List<IVerdict>, int)> OrdersAsync(DbConnection connection, DbTransaction transaction, QualityScope scope, IReadOnlyList<Order> page, CancellationToken cancellationToken)
    {
        var (cleansed, logs, changed) = CleanseAll(page, QualityEngine.Cleanse);
        var context = new QualityCheckContext(scope.Now, await StoreFactsReader.ForOrdersAsync(connection, transaction, scope.TenantId, scope.StoreId, cleansed, cancellationToken));
        return (Validate(cleansed, logs, o => o.PlatformId, engine.Rules.Orders, context), changed);
    }

    private delegate T Cleanser<T>(T record, out CleansingLog log);

    private static (List<T> Cleansed, List<CleansingLog> Logs, int Changed) CleanseAll<T>(IReadOnlyList<T> page, Cleanser<T> cleanse)
    {
        var cleansed = new List<T>(page.Count);
        var logs = new List<CleansingLog>(page.Count);
        var changed = 0;
        foreach (var record in page)
        {
            cleansed.Add(cleanse(record, out var log));
            logs.Add(log);
            if (log.Any) changed++;
        }
        return (cleansed, logs, changed);
    }

    private static List<IVerdict> Validate<T>(List<T> cleansed, List<CleansingLog> logs, Func<T, string> id, IReadOnlyList<QualityRule<T>> rules, QualityCheckContext context)
        where T : class
    {
        var verdicts = new List<IVerdict>(cleansed.Count);
        for (var i = 0; i < cleansed.Count; i++)
        {
            var v = QualityEngine.Validate(cleansed[i], id(cleansed[i]), logs[i], rules, context);
            verdicts.Add(new Verdict(v.Record, v.PlatformId, v.Issues, v.Quarantine));
        }
        return verdicts;
    }

    private interface IVerdict
    {
        object Record { get; }
        string PlatformId { get; }
        IReadOnlyList<RecordIssue> Issues { get; }
        bool Quarantine { get; }
    }

    private sealed record Verdict(object Record, string PlatformId, IReadOnlyList<RecordIssue> Issues, bool Quarantine) : IVerdict;
}
