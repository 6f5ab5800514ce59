namespace Nexus.Core.Platforms.Sandbox.Generation;

/// <summary>
/// SplitMix64 stream. A record is generated from a stream keyed by (seed, entity, id), so any record is a
/// pure function of its id: pages of a 1M-order store can be produced in any order without holding the
/// store in memory. It is a struct so per-order generation allocates nothing for randomness.
/// </summary>
public struct SeededStream
{
    private ulong _state;

    public SeededStream(long seed, long stream, long index)
    {
        _state = Mix((ulong)seed ^ Mix((ulong)stream * 0x9E3779B97F4A7C15UL ^ Mix((ulong)index + 0x632BE59BD9B4E019UL)));
    }

    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform [0,1) value for (seed, stream, index, salt) without creating a stream.</summary>
    public static double UnitHash(long seed, long stream, long index, long salt)
        => (Mix((ulong)seed ^ Mix((ulong)stream * 31 + (ulong)salt) ^ Mix((ulong)index)) >> 11) * (1.0 / (1UL << 53));

    public ulong NextULong() => _state = Mix(_state);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => maxExclusive <= 1 ? 0 : (int)(NextULong() % (ulong)maxExclusive);

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public double NextGaussian()
    {
        var u1 = 1.0 - NextDouble();
        var u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Gamma(shape, scale) by Marsaglia–Tsang; shape &lt; 1 uses the U^(1/shape) boost.</summary>
    public double NextGamma(double shape, double scale)
    {
        if (shape < 1.0)
            return NextGamma(shape + 1.0, scale) * Math.Pow(1.0 - NextDouble(), 1.0 / shape);
        var d = shape - 1.0 / 3.0;
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do { x = NextGaussian(); v = 1.0 + c * x; } while (v <= 0);
            v = v * v * v;
            var u = NextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.Log(u) < 0.5 * x * x + d * (1 - v + Math.Log(v)))
                return d * v * scale;
        }
    }

    /// <summary>Poisson by inversion for small means, normal approximation for large ones.</summary>
    public int NextPoisson(double mean)
    {
        if (mean <= 0) return 0;
        if (mean > 60) return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * NextGaussian()));
        var l = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do { k++; p *= NextDouble(); } while (p > l);
        return k - 1;
    }
}
