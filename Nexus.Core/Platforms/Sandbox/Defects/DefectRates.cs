namespace Nexus.Core.Platforms.Sandbox.Defects;

/// <summary>Probability per record of each defect kind (0 = never). Immutable.</summary>
public sealed record DefectRates
{
    private readonly double[] _rates = new double[Enum.GetValues<DefectKind>().Length];

    public static DefectRates None { get; } = new();

    public static DefectRates Uniform(double rate)
    {
        var r = new DefectRates();
        Array.Fill(r._rates, ValidRate(rate));
        return r;
    }

    public double this[DefectKind kind] => _rates[(int)kind];

    public DefectRates With(DefectKind kind, double rate)
    {
        var r = new DefectRates();
        _rates.CopyTo(r._rates, 0);
        r._rates[(int)kind] = ValidRate(rate);
        return r;
    }

    public bool Equals(DefectRates? other) => other is not null && _rates.AsSpan().SequenceEqual(other._rates);

    public override int GetHashCode() => _rates.Aggregate(17, (h, r) => h * 31 + r.GetHashCode());

    private static double ValidRate(double rate) => rate is >= 0 and <= 1
        ? rate
        : throw new ArgumentOutOfRangeException(nameof(rate), rate, "A defect rate is a probability between 0 and 1.");
}
