namespace Nexus.Core.Platforms.Sandbox.Defects;

/// <summary>
/// Decides which defects a record carries as a pure function of (seed, entity, id): the generator applies
/// the plan and <see cref="GroundTruth"/> reads the same plan, so the truth cannot drift from the data.
/// Where two kinds cannot coexist the plan resolves it here (one place) so the truth stays honest.
/// </summary>
public sealed class DefectPlan(long seed, DefectRates rates)
{
    private const long DefectStream = 0xDEFEC7;

    public DefectRates Rates { get; } = rates;

    public bool Has(SandboxEntity entity, int id, DefectKind kind)
    {
        if (!Raw(entity, id, kind)) return false;
        return kind switch
        {
            // An invalid address cannot also be a visible duplicate of a valid one.
            DefectKind.DuplicateEmail or DefectKind.DuplicateSku => DuplicateOf(entity, id, kind) is not null,
            DefectKind.PartialAddress => !Raw(entity, id, DefectKind.MissingAddress),
            DefectKind.FutureDate => !Raw(entity, id, DefectKind.MissingDate),
            _ => true,
        };
    }

    public DefectSet For(SandboxEntity entity, int id)
    {
        var set = DefectSet.Empty;
        foreach (var kind in DefectKinds.For(entity))
            if (Has(entity, id, kind)) set = set.With(kind);
        return set;
    }

    /// <summary>
    /// The earlier record a duplicate copies: up to 30 ids back, skipping records whose own value is invalid
    /// (a copy of an invalid e-mail would not be a visible duplicate). Null when there is none.
    /// </summary>
    public int? DuplicateOf(SandboxEntity entity, int id, DefectKind kind)
    {
        if (id <= 1 || (kind == DefectKind.DuplicateEmail && Raw(entity, id, DefectKind.InvalidEmail))) return null;
        var target = id - 1 - (int)(Shape(entity, id, kind) * Math.Min(id - 1, 30));
        while (target >= 1 && kind == DefectKind.DuplicateEmail && Raw(entity, target, DefectKind.InvalidEmail)) target--;
        return target >= 1 ? target : null;
    }

    /// <summary>A deterministic value in [0,1) that the generator uses to shape a defect (which variant, how big).</summary>
    public double Shape(SandboxEntity entity, int id, DefectKind kind)
        => Generation.SeededStream.UnitHash(seed, DefectStream + 1000 + (int)entity, id, (int)kind);

    private bool Raw(SandboxEntity entity, int id, DefectKind kind)
    {
        var rate = Rates[kind];
        return rate > 0 && DefectKinds.EntityOf(kind) == entity
            && Generation.SeededStream.UnitHash(seed, DefectStream + (int)entity, id, (int)kind) < rate;
    }
}

/// <summary>A small bit set of defect kinds.</summary>
public readonly record struct DefectSet(int Bits)
{
    public static DefectSet Empty => default;
    public bool Contains(DefectKind kind) => (Bits & (1 << (int)kind)) != 0;
    public DefectSet With(DefectKind kind) => new(Bits | (1 << (int)kind));
    public bool IsEmpty => Bits == 0;
    public IEnumerable<DefectKind> Kinds => Enum.GetValues<DefectKind>().Where(Contains);
}
