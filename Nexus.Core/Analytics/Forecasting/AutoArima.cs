namespace Nexus.Core.Analytics.Forecasting;

/// <summary>A fitted non-seasonal ARIMA(p,d,q) with optional mean (d = 0) or drift (d = 1).</summary>
public sealed record ArimaFit(int P, int D, int Q, bool HasConstant, double Constant, double[] Ar, double[] Ma,
    double Sigma2, double Aicc, double[] History, double[] Residuals)
{
    public string Code => $"ARIMA({P},{D},{Q}){(HasConstant ? D == 0 ? " with mean" : " with drift" : "")}";

    /// <summary>Point forecasts by the recursion with future shocks zero; intervals from the ψ-weights of the integrated model.</summary>
    public ForecastPath Forecast(int horizon)
    {
        var w = AutoArima.Difference(History, D);
        var n = w.Length;
        var extended = new double[n + horizon];
        Array.Copy(w, extended, n);
        var shocks = new double[n + horizon];
        Array.Copy(Residuals, 0, shocks, n - Residuals.Length, Residuals.Length);
        for (var t = n; t < n + horizon; t++)
        {
            var value = Constant;
            for (var i = 0; i < P; i++) value += Ar[i] * (extended[t - 1 - i] - Constant);
            for (var j = 0; j < Q; j++) value += Ma[j] * shocks[t - 1 - j];
            extended[t] = value;
        }
        var mean = AutoArima.Integrate(History, extended.AsSpan(n).ToArray(), D);

        // ψ-weights of φ(B)(1−B)^d y = θ(B) e.
        var phi = new List<double>(Ar);
        for (var k = 0; k < D; k++)
        {
            var next = new double[phi.Count + 1];
            for (var i = 0; i < next.Length; i++)
            {
                var a = i < phi.Count ? phi[i] : 0;
                var previous = i == 0 ? -1 : phi[i - 1];
                next[i] = a - previous; // (1 − Σφ_i B^i)(1 − B) = 1 − Σ(φ_i − φ_{i−1}) B^i with φ_0 = −1
            }
            phi = [.. next];
        }
        var psi = new double[horizon];
        psi[0] = 1;
        for (var j = 1; j < horizon; j++)
        {
            var v = j <= Q ? Ma[j - 1] : 0;
            for (var i = 1; i <= Math.Min(j, phi.Count); i++) v += phi[i - 1] * psi[j - i];
            psi[j] = v;
        }
        var sd = new double[horizon];
        var cumulative = 0.0;
        for (var h = 0; h < horizon; h++) { cumulative += psi[h] * psi[h]; sd[h] = Math.Sqrt(Sigma2 * cumulative); }
        return ForecastPath.Normal(mean, sd);
    }
}

/// <summary>
/// Automatic ARIMA in the spirit of Hyndman &amp; Khandakar (2008): differencing order from repeated KPSS tests,
/// then a stepwise search over p, q ≤ 2 and the constant by AICc. Estimation is by conditional sum of squares with
/// AR and MA coefficients parametrised through partial autocorrelations, so every fit is stationary and invertible.
/// Seasonal structure is handled by the caller (deseasonalising first), which copes with 52-week seasons.
/// </summary>
public static class AutoArima
{
    private const int MaxOrder = 2;

    public static ArimaFit? Fit(double[] y)
    {
        if (y.Length < 10) return null;
        var d = DifferencingOrder(y);
        var w = Difference(y, d);
        if (w.Length < 8 || Variance(w) == 0)
        {
            // A constant (differenced) series: the random walk or the mean is the whole story.
            return new ArimaFit(0, d, 0, d < 2, d < 2 ? (w.Length > 0 ? w.Average() : 0) : 0, [], [], 0, 0, y, []);
        }
        var allowConstant = d < 2;
        var cache = new Dictionary<(int, int, bool), ArimaFit?>();
        ArimaFit? Try(int p, int q, bool c)
        {
            if (p < 0 || q < 0 || p > MaxOrder || q > MaxOrder || (c && !allowConstant)) return null;
            if (!cache.TryGetValue((p, q, c), out var fit)) cache[(p, q, c)] = fit = FitOrder(y, w, p, d, q, c);
            return fit;
        }
        ArimaFit? best = null;
        void Consider(ArimaFit? fit) { if (fit is not null && (best is null || fit.Aicc < best.Aicc)) best = fit; }
        Consider(Try(2, 2, allowConstant));
        Consider(Try(0, 0, allowConstant));
        Consider(Try(1, 0, allowConstant));
        Consider(Try(0, 1, allowConstant));
        if (allowConstant) Consider(Try(0, 0, false));
        for (var round = 0; round < 20 && best is not null; round++)
        {
            var current = best;
            foreach (var (dp, dq) in new[] { (-1, 0), (1, 0), (0, -1), (0, 1), (-1, -1), (1, 1), (-1, 1), (1, -1) })
                Consider(Try(current.P + dp, current.Q + dq, current.HasConstant));
            if (allowConstant) Consider(Try(current.P, current.Q, !current.HasConstant));
            if (ReferenceEquals(best, current)) break;
        }
        return best;
    }

    /// <summary>Number of first differences (0–2) after which the KPSS level-stationarity test no longer rejects at 5 %.</summary>
    public static int DifferencingOrder(double[] y)
    {
        var x = y;
        for (var d = 0; d < 2; d++)
        {
            if (x.Length < 10 || Kpss(x) < 0.463) return d;
            x = Difference(x, 1);
        }
        return 2;
    }

    /// <summary>The KPSS level statistic with the Newey-West long-run variance, lag trunc(4·(n/100)^¼) (urca's "short").</summary>
    public static double Kpss(double[] y)
    {
        var n = y.Length;
        var mean = y.Average();
        var e = y.Select(v => v - mean).ToArray();
        double partial = 0, sumSquares = 0;
        foreach (var v in e) { partial += v; sumSquares += partial * partial; }
        var lags = (int)Math.Truncate(4 * Math.Pow(n / 100.0, 0.25));
        var s2 = e.Sum(v => v * v) / n;
        for (var l = 1; l <= lags; l++)
        {
            var cov = 0.0;
            for (var t = l; t < n; t++) cov += e[t] * e[t - l];
            s2 += 2 * (1 - l / (lags + 1.0)) * cov / n;
        }
        return s2 <= 0 ? 0 : sumSquares / (n * (double)n * s2);
    }

    internal static double[] Difference(double[] y, int d)
    {
        var x = y;
        for (var k = 0; k < d; k++)
        {
            var next = new double[Math.Max(0, x.Length - 1)];
            for (var t = 1; t < x.Length; t++) next[t - 1] = x[t] - x[t - 1];
            x = next;
        }
        return x;
    }

    /// <summary>Undoes <paramref name="d"/> differences of future values, anchored on the end of <paramref name="history"/>.</summary>
    internal static double[] Integrate(double[] history, double[] future, int d)
    {
        if (d == 0) return future;
        var lastLevels = new double[d];
        var x = history;
        for (var k = 0; k < d; k++) { lastLevels[k] = x[^1]; x = Difference(x, 1); }
        var result = future;
        for (var k = d - 1; k >= 0; k--)
        {
            var integrated = new double[result.Length];
            var level = lastLevels[k];
            for (var t = 0; t < result.Length; t++) { level += result[t]; integrated[t] = level; }
            result = integrated;
        }
        return result;
    }

    private static ArimaFit? FitOrder(double[] y, double[] w, int p, int d, int q, bool constant)
    {
        var n = w.Length;
        if (n <= p + q + 3) return null;
        var count = p + q + (constant ? 1 : 0);
        var scale = Math.Sqrt(Variance(w));
        var mean = w.Average();
        var ar = new double[p];
        var ma = new double[q];
        var residuals = new double[n];
        double Css(double[] u)
        {
            ToCoefficients(u.AsSpan(0, p), ar);
            ToCoefficients(u.AsSpan(p, q), ma);
            for (var j = 0; j < q; j++) ma[j] = -ma[j]; // θ(B) = 1 + Σθ_j B^j is invertible when −θ is a stationary AR
            var c = constant ? mean + u[p + q] * scale : 0;
            return SumOfSquares(w, p, q, c, ar, ma, residuals);
        }
        double ss;
        double[] best;
        if (count == 0) { best = []; ss = Css(best); }
        else
        {
            var start = new double[count];
            var steps = Enumerable.Repeat(0.2, count).ToArray();
            (best, ss) = NelderMead.Minimise(Css, start, steps, maxEvaluations: 100 * count + 100, relativeTolerance: 1e-6);
        }
        ss = Css(best);
        var effective = n - p;
        if (!(ss > 0) || !double.IsFinite(ss)) return null;
        var sigma2 = ss / effective;
        var logLik = -0.5 * effective * (Math.Log(2 * Math.PI * sigma2) + 1);
        var k = count + 1;
        var aicc = -2 * logLik + 2 * k + (effective - k - 1 > 0 ? 2.0 * k * (k + 1) / (effective - k - 1) : double.PositiveInfinity);
        var arOut = new double[p]; var maOut = new double[q];
        ToCoefficients(best.AsSpan(0, p), arOut);
        ToCoefficients(best.AsSpan(p, q), maOut);
        for (var j = 0; j < q; j++) maOut[j] = -maOut[j];
        var constantValue = constant ? mean + best[p + q] * scale : 0;
        SumOfSquares(w, p, q, constantValue, arOut, maOut, residuals);
        return new ArimaFit(p, d, q, constant, constantValue, arOut, maOut, sigma2, aicc, y, residuals.AsSpan(Math.Max(0, n - MaxOrder)).ToArray());
    }

    private static double SumOfSquares(double[] w, int p, int q, double c, double[] ar, double[] ma, double[] residuals)
    {
        var ss = 0.0;
        for (var t = 0; t < w.Length; t++)
        {
            if (t < p) { residuals[t] = 0; continue; }
            var prediction = c;
            for (var i = 0; i < p; i++) prediction += ar[i] * (w[t - 1 - i] - c);
            for (var j = 0; j < q && t - 1 - j >= 0; j++) prediction += ma[j] * residuals[t - 1 - j];
            var e = w[t] - prediction;
            residuals[t] = e;
            ss += e * e;
        }
        return ss;
    }

    /// <summary>Unconstrained values → partial autocorrelations tanh(u) → polynomial coefficients (Durbin-Levinson), so the polynomial has all roots outside the unit circle.</summary>
    private static void ToCoefficients(ReadOnlySpan<double> u, double[] coefficients)
    {
        var k = u.Length;
        Span<double> work = stackalloc double[Math.Max(k, 1)];
        for (var j = 0; j < k; j++)
        {
            var pacf = Math.Tanh(u[j]);
            coefficients[j] = pacf;
            for (var i = 0; i < j; i++) work[i] = coefficients[i] - pacf * coefficients[j - 1 - i];
            for (var i = 0; i < j; i++) coefficients[i] = work[i];
        }
    }

    private static double Variance(double[] x)
    {
        if (x.Length < 2) return 0;
        var mean = x.Average();
        return x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1);
    }
}
