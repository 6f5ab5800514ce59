using System.Text.Json;
using Nexus.Core.Model;
using Nexus.Core.Platforms.Mapping;
using Nexus.Core.Quality.Cleansing;
using Nexus.Core.Quality.Rules;
using Nexus.Core.Quality.Scoring;

namespace Nexus.Core.Quality;

/// <summary>
/// Quality inside the sync: per page, cleanse every record, ask for the store facts the page needs (batched, answered by
/// Storage in the page's transaction), run the rules, and split the page into records to store, records to quarantine
/// and the issues of every record. It writes nothing: Storage commits its decisions with the page.
/// </summary>
public sealed class QualityGate(QualityEngine engine, QualitySnapshotWriter snapshots) : IRecordQualityGate
{
    public async Task<GatedPage<T>> ApplyAsync<T>(QualityEntity<T> entity, QualityScope scope, IReadOnlyList<T> records, IReadOnlyList<Quarantined> mappingQuarantine,
        IStoreFactsSource facts, CancellationToken cancellationToken)
        where T : class
    {
        var cleansed = new List<T>(records.Count);
        var logs = new List<CleansingLog>(records.Count);
        var changed = 0;
        foreach (var record in records)
        {
            cleansed.Add(entity.Cleanse(record, out var log));
            logs.Add(log);
            if (log.Any) changed++;
        }
        var context = new QualityCheckContext(scope.Now, await entity.FactsAsync(cleansed, facts, cancellationToken).ConfigureAwait(false));
        var rules = entity.Rules(engine.Rules);

        var store = new List<T>(cleansed.Count);
        var quarantine = new List<Quarantined>(mappingQuarantine);
        var found = new List<RecordIssues>(cleansed.Count + mappingQuarantine.Count);
        var cleansedIds = new HashSet<string>(StringComparer.Ordinal);
        var (errors, warnings, infos, quarantined) = (0, 0, 0, 0);
        for (var i = 0; i < cleansed.Count; i++)
        {
            var verdict = QualityEngine.Validate(cleansed[i], entity.PlatformId(cleansed[i]), logs[i], rules, context);
            found.Add(new RecordIssues(verdict.PlatformId, verdict.Issues, verdict.Quarantine));
            switch (QualityScorer.WorstSeverity(verdict.Issues))
            {
                case QualitySeverity.Error: errors++; break;
                case QualitySeverity.Warning: warnings++; break;
                case QualitySeverity.Info: infos++; break;
            }
            if (verdict.Quarantine)
            {
                quarantined++;
                quarantine.Add(new Quarantined(entity.Singular, verdict.PlatformId, JsonSerializer.Serialize(verdict.Record, CanonicalJson.Options),
                    verdict.Issues.Select(x => new MappingIssue(x.Field, x.Value, x.RuleId, x.Message)).ToList()));
            }
            else
            {
                store.Add(verdict.Record);
                if (logs[i].Any) cleansedIds.Add(verdict.PlatformId);
            }
        }
        foreach (var bad in mappingQuarantine)
        {
            errors++;
            found.Add(new RecordIssues(bad.PlatformId ?? "", bad.Issues.Select(x => new RecordIssue(MappingRule.IdFor(entity.Entity, x.Rule), QualitySeverity.Error,
                x.Field, x.Value, x.Message, true)).ToList(), true));
        }
        return new GatedPage<T>(store, quarantine, new PageQuality(errors, warnings, infos, changed, quarantined), found) { CleansedIds = cleansedIds };
    }

    public Task RunFinishedAsync(QualityScope scope, string trigger, CancellationToken cancellationToken) =>
        snapshots.WriteAsync(scope.TenantId, scope.StoreId, scope.RunId, trigger, scope.Now, cancellationToken);
}
