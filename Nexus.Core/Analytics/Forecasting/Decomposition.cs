namespace Nexus.Core.Analytics.Forecasting;

/// <summary>Classical decomposition (R's <c>decompose</c>) and the seasonality test the M4 benchmarks and <c>thetaf</c> use.</summary>
public static class Decomposition
{
    /// <summary>
    /// The seasonal figure: per position t mod m, the mean of y / (centred moving average) (or y − CMA), normalised to
    /// average 1 (or 0). Null when the series is shorter than two full seasons.
    /// </summary>
    public static double[]? SeasonalFigure(ReadOnlySpan<double> y, int m, bool multiplicative)
    {
        var n = y.Length;
        if (m < 2 || n < 2 * m) return null;
        var sums = new double[m];
        var counts = new int[m];
        var half = m / 2;
        // Centred moving average: order m for odd m, 2×m (half weights at the ends) for even m.
        var window = 0.0;
        for (var t = half; t < n - half; t++)
        {
            double trend;
            if (m % 2 == 1)
            {
                if (t == half) { window = 0; for (var j = 0; j < m; j++) window += y[j]; }
                else window += y[t + half] - y[t - half - 1];
                trend = window / m;
            }
            else
            {
                if (t == half) { window = 0; for (var j = 0; j < m; j++) window += y[j]; }
                else window += y[t + half - 1] - y[t - half - 1];
                trend = (window + 0.5 * (y[t + half] - y[t - half])) / m;
                // window holds y[t-half .. t+half-1]; the 2×m average adds half of y[t+half] and removes half of y[t-half].
            }
            if (multiplicative && trend == 0) continue;
            var detrended = multiplicative ? y[t] / trend : y[t] - trend;
            sums[t % m] += detrended;
            counts[t % m]++;
        }
        var figure = new double[m];
        for (var j = 0; j < m; j++)
        {
            if (counts[j] == 0) return null;
            figure[j] = sums[j] / counts[j];
        }
        var average = figure.Average();
        for (var j = 0; j < m; j++) figure[j] = multiplicative ? figure[j] / average : figure[j] - average;
        return figure;
    }

    /// <summary>Sample autocorrelations r_1..r_maxLag (R's <c>acf</c>: deviations from the mean, divided by n·var).</summary>
    public static double[] Autocorrelations(ReadOnlySpan<double> y, int maxLag)
    {
        var n = y.Length;
        var mean = 0.0;
        foreach (var v in y) mean += v;
        mean /= n;
        var denominator = 0.0;
        for (var t = 0; t < n; t++) denominator += (y[t] - mean) * (y[t] - mean);
        var r = new double[maxLag];
        if (denominator == 0) return r;
        for (var k = 1; k <= maxLag && k < n; k++)
        {
            var s = 0.0;
            for (var t = k; t < n; t++) s += (y[t] - mean) * (y[t - k] - mean);
            r[k - 1] = s / denominator;
        }
        return r;
    }

    /// <summary>
    /// The 90 % one-sided autocorrelation test at lag m used by <c>thetaf</c> and the M4 benchmarks:
    /// |r_m| / sqrt((1 + 2Σ_{k&lt;m} r_k²)/n) &gt; 1.645. Needs more than three seasons of data.
    /// </summary>
    public static bool IsSeasonal(ReadOnlySpan<double> y, int m)
    {
        if (m < 2 || y.Length < 3 * m) return false;
        var first = y[0];
        var constant = true;
        foreach (var v in y) if (v != first) { constant = false; break; }
        if (constant) return false;
        var r = Autocorrelations(y, m);
        var sum = 0.0;
        for (var k = 0; k < m - 1; k++) sum += r[k] * r[k];
        var stat = Math.Sqrt((1 + 2 * sum) / y.Length);
        return Math.Abs(r[m - 1]) / stat > 1.6448536269514722;
    }

    /// <summary>
    /// Seasonal factors for a multiplicative deseasonalisation (the M4 benchmark recipe), or null when the series is
    /// not seasonal, not positive or the figure has near-zero indices.
    /// </summary>
    public static double[]? MultiplicativeFactors(ReadOnlySpan<double> y, int m)
    {
        if (!IsSeasonal(y, m)) return null;
        foreach (var v in y) if (v <= 0) return null;
        var figure = SeasonalFigure(y, m, multiplicative: true);
        if (figure is null || figure.Any(f => Math.Abs(f) < 1e-4)) return null;
        return figure;
    }
}

/// <summary>Least-squares helpers.</summary>
internal static class Regression
{
    /// <summary>Intercept and slope of y on x = firstX, firstX+1, ….</summary>
    public static (double Intercept, double Slope) Line(ReadOnlySpan<double> y, double firstX = 0)
    {
        var n = y.Length;
        if (n == 1) return (y[0], 0);
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var x = firstX + i;
            sx += x; sy += y[i]; sxx += x * x; sxy += x * y[i];
        }
        var slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        return ((sy - slope * sx) / n, slope);
    }
}
