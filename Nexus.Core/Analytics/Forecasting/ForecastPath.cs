namespace Nexus.Core.Analytics.Forecasting;

/// <summary>Point forecasts with 80 % and 95 % prediction intervals, one value per step ahead.</summary>
public sealed record ForecastPath(double[] Mean, double[] Lower80, double[] Upper80, double[] Lower95, double[] Upper95)
{
    /// <summary>z for a central 80 % and 95 % normal interval.</summary>
    public const double Z80 = 1.2815515655446004, Z95 = 1.959963984540054;

    public int Horizon => Mean.Length;

    /// <summary>Intervals mean ± z·sd.</summary>
    public static ForecastPath Normal(double[] mean, double[] sd)
    {
        var h = mean.Length;
        var l80 = new double[h]; var u80 = new double[h]; var l95 = new double[h]; var u95 = new double[h];
        for (var i = 0; i < h; i++)
        {
            var s = double.IsFinite(sd[i]) ? Math.Max(sd[i], 0) : 0;
            l80[i] = mean[i] - Z80 * s; u80[i] = mean[i] + Z80 * s;
            l95[i] = mean[i] - Z95 * s; u95[i] = mean[i] + Z95 * s;
        }
        return new ForecastPath(mean, l80, u80, l95, u95);
    }

    /// <summary>Every value multiplied by <paramref name="factors"/>[i] (re-seasonalising a deseasonalised forecast).</summary>
    public ForecastPath Scale(double[] factors) => new(
        Mul(Mean, factors), Mul(Lower80, factors), Mul(Upper80, factors), Mul(Lower95, factors), Mul(Upper95, factors));

    /// <summary>The path with every value clipped from below at <paramref name="floor"/> (sales cannot be negative).</summary>
    public ForecastPath ClipAt(double floor) => new(Clip(Mean, floor), Clip(Lower80, floor), Clip(Upper80, floor), Clip(Lower95, floor), Clip(Upper95, floor));

    /// <summary>Element-wise median (or mean) of several paths: the combination forecast and its interval bounds.</summary>
    public static ForecastPath Combine(IReadOnlyList<ForecastPath> paths, bool median)
    {
        var h = paths[0].Horizon;
        double[] Pick(Func<ForecastPath, double[]> field)
        {
            var result = new double[h];
            var buffer = new double[paths.Count];
            for (var i = 0; i < h; i++)
            {
                for (var k = 0; k < paths.Count; k++) buffer[k] = field(paths[k])[i];
                result[i] = median ? Median(buffer) : buffer.Average();
            }
            return result;
        }
        return new ForecastPath(Pick(p => p.Mean), Pick(p => p.Lower80), Pick(p => p.Upper80), Pick(p => p.Lower95), Pick(p => p.Upper95));
    }

    internal static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] Mul(double[] a, double[] f) { var r = new double[a.Length]; for (var i = 0; i < a.Length; i++) r[i] = a[i] * f[i]; return r; }

    private static double[] Clip(double[] a, double floor) { var r = new double[a.Length]; for (var i = 0; i < a.Length; i++) r[i] = Math.Max(floor, a[i]); return r; }
}
