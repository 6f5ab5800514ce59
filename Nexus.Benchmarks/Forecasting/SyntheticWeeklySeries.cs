namespace Nexus.Benchmarks.Forecasting;

/// <summary>
/// Seeded weekly sales-like series with known structure: a level that drifts (random walk with drift), occasional
/// level shifts, a yearly season (52.18 weeks, so it slides against a 52-week period as real weekly data does)
/// and multiplicative noise. Used by <c>bench forecast</c> and the forecasting tests.
/// </summary>
public static class SyntheticWeeklySeries
{
    public static double[] Generate(int length, int seed, double seasonAmplitude = 0.1, double noise = 0.03, double drift = 0.001)
    {
        var random = new Random(seed);
        var level = 1000 + random.NextDouble() * 9000;
        var phase = random.NextDouble() * 2 * Math.PI;
        var y = new double[length];
        for (var t = 0; t < length; t++)
        {
            level *= 1 + drift + noise * 0.3 * Gaussian(random);
            if (random.NextDouble() < 0.005) level *= 1 + 0.1 * Gaussian(random);
            var season = 1 + seasonAmplitude * Math.Sin(2 * Math.PI * t / 52.18 + phase);
            y[t] = Math.Max(1, level * season * (1 + noise * Gaussian(random)));
        }
        return y;
    }

    internal static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
