namespace Nexus.Core.Analytics.Forecasting;

/// <summary>The naive baselines: last value, and last season's value.</summary>
public static class SimpleModels
{
    /// <summary>Random walk: ŷ_{n+h} = y_n, sd = σ·√h with σ from the one-step naive errors.</summary>
    public static ForecastPath Naive(double[] y, int horizon) => SeasonalNaive(y, horizon, 1);

    /// <summary>ŷ_{n+h} = y_{n+h−m·k}, sd = σ·√(⌊(h−1)/m⌋+1) with σ from the in-sample seasonal errors.</summary>
    public static ForecastPath SeasonalNaive(double[] y, int horizon, int m)
    {
        var n = y.Length;
        if (m < 1 || n < m) m = 1;
        var mean = new double[horizon];
        for (var h = 1; h <= horizon; h++) mean[h - 1] = y[n - m + (h - 1) % m];
        var ss = 0.0;
        var count = 0;
        for (var t = m; t < n; t++) { var e = y[t] - y[t - m]; ss += e * e; count++; }
        var sigma = count > 0 ? Math.Sqrt(ss / count) : 0;
        var sd = new double[horizon];
        for (var h = 1; h <= horizon; h++) sd[h - 1] = sigma * Math.Sqrt((h - 1) / m + 1);
        return ForecastPath.Normal(mean, sd);
    }

    /// <summary>Mean absolute error of the in-sample seasonal-naive forecast: the MASE scale (1 when it is zero).</summary>
    public static double MaseScale(ReadOnlySpan<double> y, int m)
    {
        if (m < 1 || y.Length <= m) m = 1;
        var sum = 0.0;
        for (var t = m; t < y.Length; t++) sum += Math.Abs(y[t] - y[t - m]);
        var scale = y.Length > m ? sum / (y.Length - m) : 0;
        return scale > 0 ? scale : 1;
    }
}

/// <summary>
/// The Theta method as R's <c>forecast::thetaf</c> implements it (Hyndman &amp; Billah 2003): seasonality tested at lag m
/// (90 %), multiplicative classical deseasonalisation when seasonal, simple exponential smoothing fitted by maximum
/// likelihood, plus half the slope of a linear trend with the <c>(1−(1−α)^n)/α</c> correction, re-seasonalised.
/// </summary>
public static class ThetaMethod
{
    public sealed record ThetaFit(double Alpha, double Drift, ForecastPath Path, bool Seasonal);

    public static ThetaFit? Fit(double[] y, int horizon, int m)
    {
        var n = y.Length;
        var factors = m > 1 && n > 2 * m ? SeasonalFactorsOrNull(y, m) : null;
        var x = factors is null ? y : Deseasonalise(y, factors);
        var ses = EtsFitter.Fit(x, new EtsSpec(EtsError.Additive, EtsTrend.None, EtsSeason.None), 1);
        if (ses is null) return null;
        var sesPath = ses.Forecast(horizon);
        var drift = Regression.Line(x).Slope / 2;
        var alpha = Math.Max(1e-10, ses.Alpha);
        var mean = new double[horizon];
        var sd = new double[horizon];
        var sigma = Math.Sqrt(ses.Sigma2);
        for (var h = 0; h < horizon; h++)
        {
            mean[h] = sesPath.Mean[h] + drift * (h + (1 - Math.Pow(1 - alpha, n)) / alpha);
            sd[h] = sigma * Math.Sqrt(h * alpha * alpha + 1);
        }
        if (factors is not null)
        {
            var f = FutureFactors(factors, n, horizon);
            for (var h = 0; h < horizon; h++) mean[h] *= f[h];
        }
        // thetaf re-seasonalises the mean but keeps the deseasonalised standard error.
        return new ThetaFit(alpha, drift, ForecastPath.Normal(mean, sd), factors is not null);
    }

    internal static double[]? SeasonalFactorsOrNull(double[] y, int m) => Decomposition.MultiplicativeFactors(y, m);

    internal static double[] Deseasonalise(double[] y, double[] factors)
    {
        var x = new double[y.Length];
        for (var t = 0; t < y.Length; t++) x[t] = y[t] / factors[t % factors.Length];
        return x;
    }

    internal static double[] FutureFactors(double[] factors, int n, int horizon)
    {
        var f = new double[horizon];
        for (var h = 0; h < horizon; h++) f[h] = factors[(n + h) % factors.Length];
        return f;
    }
}
