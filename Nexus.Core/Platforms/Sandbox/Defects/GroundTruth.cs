namespace Nexus.Core.Platforms.Sandbox.Defects;

/// <summary>One injected defect: which record has which problem.</summary>
public readonly record struct DefectRecord(SandboxEntity Entity, int Id, DefectKind Kind);

/// <summary>
/// What the store knows about its own data, for scoring quality checks by precision and recall.
/// Computed from the same <see cref="DefectPlan"/> the generator applied, over the store's current ids.
/// </summary>
public sealed class GroundTruth(DefectPlan plan, Func<SandboxEntity, IEnumerable<int>> idsOf)
{
    public DefectRates Rates => plan.Rates;

    public DefectSet DefectsOf(SandboxEntity entity, int id) => plan.For(entity, id);

    public bool Has(SandboxEntity entity, int id, DefectKind kind) => plan.Has(entity, id, kind);

    /// <summary>Every defect of every record, entity by entity, in id order.</summary>
    public IEnumerable<DefectRecord> All()
    {
        foreach (var entity in Enum.GetValues<SandboxEntity>())
            foreach (var id in idsOf(entity))
                foreach (var kind in DefectKinds.For(entity))
                    if (plan.Has(entity, id, kind))
                        yield return new DefectRecord(entity, id, kind);
    }

    public IReadOnlyDictionary<DefectKind, int> CountsByKind()
        => All().GroupBy(d => d.Kind).ToDictionary(g => g.Key, g => g.Count());

    public int RecordCount(SandboxEntity entity) => idsOf(entity).Count();
}
