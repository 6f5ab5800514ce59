using Microsoft.EntityFrameworkCore;
using Nexus.Core.Platforms;
using Nexus.Core.Platforms.Sandbox.Defects;
using Nexus.Core.Storage;
using Nexus.Core.Quality;

namespace Nexus.Benchmarks.Quality;

/// <summary>How well Quality found one kind of injected defect.</summary>
/// <param name="Unassessable">
/// Defects of this kind inside records the platform mapper already quarantined for another reason (an order without
/// a creation date cannot become a canonical order, so no rule sees its totals). They are kept with their raw payload
/// and reason, and are left out of precision and recall, which measure the rules.
/// </param>
public sealed record DetectionScore(DefectKind Kind, int TruePositives, int FalsePositives, int FalseNegatives, int Unassessable = 0)
{
    /// <summary>Share of flagged records that really have the defect (1 when nothing was flagged and nothing was there).</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? (FalseNegatives == 0 ? 1 : 0) : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Share of records with the defect that were flagged.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public int Injected => TruePositives + FalseNegatives;
}

/// <summary>
/// Scores detection against a sandbox store's ground truth. Each defect kind maps to the rule that should find it
/// (mapping pseudo-rules included: an order without a date never reaches the rules, the mapper quarantines it).
/// </summary>
public static class DefectDetection
{
    /// <summary>The rule id (and, where a rule id covers several fields, the field) that detects each defect kind.</summary>
    public static readonly IReadOnlyDictionary<DefectKind, (string RuleId, string? Field)> Detectors = new Dictionary<DefectKind, (string, string?)>
    {
        [DefectKind.InvalidEmail] = ("customer.email-valid", null),
        [DefectKind.DuplicateEmail] = ("customer.email-unique", null),
        [DefectKind.MissingAddress] = ("customer.address-present", null),
        [DefectKind.PartialAddress] = ("customer.address-complete", null),
        [DefectKind.MalformedPhone] = ("customer.phone-e164", null),
        [DefectKind.ZeroOrNegativePrice] = ("product.price-positive", null),
        [DefectKind.DuplicateSku] = ("product.sku-unique", null),
        [DefectKind.TotalsMismatch] = ("order.totals-add-up", null),
        [DefectKind.FutureDate] = ("order.created-not-future", null),
        [DefectKind.MissingDate] = ("mapping.order.required", "date_created_gmt"),
        [DefectKind.OrphanLineItem] = ("order.line-products-known", null),
        [DefectKind.UnknownStatus] = ("order.status-known", null),
    };

    public static SandboxEntity SandboxEntityOf(SyncEntity entity) => entity switch
    {
        SyncEntity.Customers => SandboxEntity.Customer,
        SyncEntity.Products => SandboxEntity.Product,
        _ => SandboxEntity.Order,
    };

    /// <summary>Precision and recall per kind, from the issues Quality stored for the store.</summary>
    public static async Task<IReadOnlyList<DetectionScore>> ScoreStoredAsync(NexusDbContext db, int storeId, GroundTruth truth, CancellationToken cancellationToken)
    {
        var flagged = new List<(SyncEntity Entity, string PlatformId, string RuleId, string Field)>();
        var rules = Detectors.Values.Select(d => d.RuleId).Distinct().ToArray();
        var rows = await db.QualityIssues.AsNoTracking()
            .Where(i => i.StoreId == storeId && (rules.Contains(i.RuleId) || i.RuleId.StartsWith(MappingPrefix)))
            .Select(i => new { i.Entity, i.PlatformId, i.RuleId, i.Field }).ToListAsync(cancellationToken);
        flagged.AddRange(rows.Select(r => (Enum.Parse<SyncEntity>(r.Entity), r.PlatformId, r.RuleId, r.Field)));
        return Score(truth, flagged);
    }

    private const string MappingPrefix = Nexus.Core.Quality.Rules.MappingRule.Prefix;

    /// <param name="issues">Stored issues, including the mapping pseudo-rules (they mark records no rule could see).</param>
    public static IReadOnlyList<DetectionScore> Score(GroundTruth truth, IEnumerable<(SyncEntity Entity, string PlatformId, string RuleId, string Field)> issues)
    {
        var found = issues.ToList();
        var unmapped = found.Where(i => i.RuleId.StartsWith(MappingPrefix, StringComparison.Ordinal))
            .Select(i => (SandboxEntityOf(i.Entity), Id(i.PlatformId))).ToHashSet();
        var scores = new List<DetectionScore>();
        foreach (var (kind, detector) in Detectors)
        {
            var entity = DefectKinds.EntityOf(kind);
            var detectedByMapper = detector.RuleId.StartsWith(MappingPrefix, StringComparison.Ordinal);
            bool Assessable(int id) => detectedByMapper || !unmapped.Contains((entity, id));
            var flaggedIds = found
                .Where(i => SandboxEntityOf(i.Entity) == entity && i.RuleId == detector.RuleId && (detector.Field is null || i.Field == detector.Field))
                .Select(i => Id(i.PlatformId)).ToHashSet();
            var truthIds = truth.All().Where(d => d.Kind == kind).Select(d => d.Id).ToList();
            var assessable = truthIds.Where(Assessable).ToHashSet();
            var tp = flaggedIds.Count(assessable.Contains);
            scores.Add(new DetectionScore(kind, tp, flaggedIds.Count - tp, assessable.Count - tp, truthIds.Count - assessable.Count));
        }
        return scores;
    }

    private static int Id(string platformId) => int.TryParse(platformId, out var id) ? id : -1;
}
