namespace Nexus.Core.Analytics.Forecasting;

/// <summary>
/// Fits ETS models by maximum likelihood, the way R's <c>forecast::ets</c> does: the same state recursions, the same
/// likelihood (<c>n·log Σe²</c>, plus <c>2·Σlog|ŷ|</c> for multiplicative errors), the same initial-state heuristic and
/// the "usual" parameter region (0&lt;β&lt;α&lt;1, 0&lt;γ&lt;1−α, 0.8≤φ≤0.98), with initial states optimised together with
/// the smoothing parameters, then an admissibility check on the fitted model. Selection among forms is by AICc.
/// </summary>
public static class EtsFitter
{
    private const double Lower = 1e-4, Upper = 0.9999, PhiLower = 0.8, PhiUpper = 0.98;

    /// <summary>The longest season fitted with seasonal states; longer ones are deseasonalised first (R's limit is 24).</summary>
    public const int MaxSeasonalPeriod = 24;

    /// <summary>Every form that applies to the data: multiplicative ones only for positive data, seasonal only for 1 &lt; m ≤ 24.</summary>
    public static IEnumerable<EtsSpec> Candidates(ReadOnlySpan<double> y, int period, bool allowSeasonal = true)
    {
        var positive = true;
        foreach (var v in y) if (v <= 0) { positive = false; break; }
        var seasons = allowSeasonal && period > 1 && period <= MaxSeasonalPeriod && y.Length > period + 2
            ? new[] { EtsSeason.None, EtsSeason.Additive, EtsSeason.Multiplicative }
            : [EtsSeason.None];
        var list = new List<EtsSpec>();
        foreach (var error in new[] { EtsError.Additive, EtsError.Multiplicative })
            foreach (var trend in new[] { EtsTrend.None, EtsTrend.Additive, EtsTrend.Damped })
                foreach (var season in seasons)
                {
                    var spec = new EtsSpec(error, trend, season);
                    if (spec.NeedsPositiveData && !positive) continue;
                    // R excludes these unstable forms by default (additive error with multiplicative season).
                    if (error == EtsError.Additive && season == EtsSeason.Multiplicative) continue;
                    list.Add(spec);
                }
        return list;
    }

    /// <summary>The AICc-best of <see cref="Candidates"/>, or null when none could be fitted.</summary>
    public static EtsFit? FitBest(double[] y, int period, bool allowSeasonal = true, Func<EtsSpec, bool>? include = null)
    {
        EtsFit? best = null;
        foreach (var spec in Candidates(y, period, allowSeasonal))
        {
            if (include is not null && !include(spec)) continue;
            var fit = Fit(y, spec, period);
            if (fit is not null && (best is null || fit.Aicc < best.Aicc)) best = fit;
        }
        return best;
    }

    /// <summary>Fits one form; null when the data cannot support it or the optimum is not admissible.</summary>
    public static EtsFit? Fit(double[] y, EtsSpec spec, int period)
    {
        var m = spec.Season == EtsSeason.None ? 1 : period;
        var n = y.Length;
        var hasTrend = spec.Trend != EtsTrend.None;
        var damped = spec.Trend == EtsTrend.Damped;
        var seasonal = spec.Season != EtsSeason.None;
        var parameterCount = 1 + (hasTrend ? 1 : 0) + (seasonal ? 1 : 0) + (damped ? 1 : 0);
        var stateCount = 1 + (hasTrend ? 1 : 0) + (seasonal ? m - 1 : 0);
        if (n <= parameterCount + stateCount + 1) return null;
        if (spec.NeedsPositiveData && y.Any(v => v <= 0)) return null;

        var init = InitialStates(y, spec, m);
        if (init is null) return null;
        var start = new double[parameterCount + stateCount];
        var steps = new double[start.Length];
        var k = 0;
        // R's starting values: α from the lower bound up a fifth of the range (a tenth per season length) etc.
        var alpha0 = Lower + 0.2 * (Upper - Lower) / m;
        start[k] = alpha0; steps[k++] = 0.1;
        if (hasTrend) { start[k] = Lower + 0.1 * (alpha0 - Lower); steps[k++] = 0.01; }
        if (seasonal) { start[k] = Lower + 0.05 * (1 - alpha0 - Lower); steps[k++] = 0.05; }
        if (damped) { start[k] = 0.978; steps[k++] = 0.02; }
        var scale = Math.Max(Mean(y) == 0 ? 1 : Math.Abs(Mean(y)), 1e-8);
        for (var i = 0; i < init.Length; i++)
        {
            start[k] = init[i];
            steps[k++] = i == 0 ? 0.1 * scale : i == 1 && hasTrend ? 0.01 * scale + 0.1 * Math.Abs(init[i]) : spec.Season == EtsSeason.Multiplicative ? 0.05 : 0.05 * scale;
        }

        var workSeason = new double[m];
        double Objective(double[] p) => Likelihood(y, spec, m, p, workSeason, null, out _, out _);
        var (best, value) = NelderMead.Minimise(Objective, start, steps, maxEvaluations: 200 * start.Length + 400);
        if (!double.IsFinite(value) || value == double.MaxValue) return null;

        return Evaluate(y, spec, period, best);
    }

    /// <summary>
    /// The model with the given parameters (α, [β], [γ], [φ], l0, [b0], [s0..s(m−2)] in that order) run through the
    /// data: final states, likelihood, AICc and σ². Null when the parameters are outside the region.
    /// </summary>
    public static EtsFit? Evaluate(double[] y, EtsSpec spec, int period, double[] parameters)
    {
        var m = spec.Season == EtsSeason.None ? 1 : period;
        var n = y.Length;
        var hasTrend = spec.Trend != EtsTrend.None;
        var seasonal = spec.Season != EtsSeason.None;
        var best = parameters;
        var finalSeason = new double[m];
        var lik = Likelihood(y, spec, m, best, finalSeason, null, out var level, out var trend, recordSse: true, sse: out var sse);
        if (!double.IsFinite(lik)) return null;
        var alpha = best[0];
        var k = 1;
        double? beta = hasTrend ? best[k++] : null;
        double? gamma = seasonal ? best[k++] : null;
        double? phi = spec.Trend == EtsTrend.Damped ? best[k++] : null;
        if (!Admissible(alpha, beta, gamma, phi, m)) return null;
        var initialSeason = seasonal ? SeasonFromParameters(best, k + (hasTrend ? 2 : 1), m, spec.Season) : [];
        var np = best.Length + 1;
        var logLik = -0.5 * lik;
        var aicc = -2 * logLik + 2 * np + (n - np - 1 > 0 ? 2.0 * np * (np + 1) / (n - np - 1) : double.PositiveInfinity);
        return new EtsFit(spec, m, alpha, beta, gamma, phi, best[k], hasTrend ? best[k + 1] : null, initialSeason,
            level, trend, finalSeason, logLik, aicc, sse / Math.Max(1, n - best.Length), n); // R: Σe² / (n − number of estimated parameters)
    }

    /// <summary>
    /// Runs the recursions for parameters <paramref name="p"/> and returns R's likelihood criterion
    /// (infinity outside the parameter region). Seasonal state for time t lives at index t mod m.
    /// </summary>
    private static double Likelihood(double[] y, EtsSpec spec, int m, double[] p, double[] season, double[]? fitted,
        out double level, out double trend) => Likelihood(y, spec, m, p, season, fitted, out level, out trend, false, out _);

    private static double Likelihood(double[] y, EtsSpec spec, int m, double[] p, double[] season, double[]? fitted,
        out double level, out double trend, bool recordSse, out double sse)
    {
        level = trend = sse = 0;
        var hasTrend = spec.Trend != EtsTrend.None;
        var seasonal = spec.Season != EtsSeason.None;
        var damped = spec.Trend == EtsTrend.Damped;
        var k = 0;
        var alpha = p[k++];
        var beta = hasTrend ? p[k++] : 0;
        var gamma = seasonal ? p[k++] : 0;
        var phi = damped ? p[k++] : 1;
        if (alpha < Lower || alpha > Upper) return double.PositiveInfinity;
        if (hasTrend && (beta < Lower || beta > alpha)) return double.PositiveInfinity;
        if (seasonal && (gamma < Lower || gamma > 1 - alpha)) return double.PositiveInfinity;
        if (damped && (phi < PhiLower || phi > PhiUpper)) return double.PositiveInfinity;
        var l = p[k++];
        var b = hasTrend ? p[k++] : 0;
        var multSeason = spec.Season == EtsSeason.Multiplicative;
        if (seasonal)
        {
            var sum = 0.0;
            for (var j = 0; j < m - 1; j++) { season[j] = p[k + j]; sum += season[j]; }
            season[m - 1] = multSeason ? m - sum : -sum;
            if (multSeason)
                for (var j = 0; j < m; j++) if (season[j] <= 0) return double.PositiveInfinity;
        }
        var multError = spec.Error == EtsError.Multiplicative;
        double sumSq = 0, sumLog = 0;
        var n = y.Length;
        for (var t = 0; t < n; t++)
        {
            var q = hasTrend ? l + phi * b : l;
            var s = seasonal ? season[t % m] : 0;
            var f = !seasonal ? q : multSeason ? q * s : q + s;
            if (multError && Math.Abs(f) < 1e-10) return double.PositiveInfinity;
            if (fitted is not null) fitted[t] = f;
            var e = multError ? (y[t] - f) / f : y[t] - f;
            sumSq += e * e;
            if (multError) sumLog += Math.Log(Math.Abs(f));
            if (recordSse) sse += e * e;
            // State updates are R's (etscalc.c): they do not depend on the error form.
            var pv = !seasonal ? y[t] : multSeason ? (Math.Abs(s) < 1e-10 ? 1e10 : y[t] / s) : y[t] - s;
            var newLevel = q + alpha * (pv - q);
            if (hasTrend)
            {
                var phib = phi * b;
                b = phib + beta / alpha * (newLevel - l - phib);
            }
            if (seasonal)
            {
                var tv = multSeason ? (Math.Abs(q) < 1e-10 ? 1e10 : y[t] / q) : y[t] - q;
                season[t % m] = s + gamma * (tv - s);
            }
            l = newLevel;
            if (!double.IsFinite(l)) return double.PositiveInfinity;
        }
        level = l;
        trend = b;
        if (sumSq <= 0) sumSq = 1e-300;
        return n * Math.Log(sumSq) + 2 * sumLog;
    }

    private static double[] SeasonFromParameters(double[] p, int offset, int m, EtsSeason form)
    {
        var s = new double[m];
        var sum = 0.0;
        for (var j = 0; j < m - 1; j++) { s[j] = p[offset + j]; sum += s[j]; }
        s[m - 1] = form == EtsSeason.Multiplicative ? m - sum : -sum;
        return s;
    }

    /// <summary>R's <c>initstate</c>: seasonal indices from a classical decomposition, level and slope from a regression on the first ten (or 2m) deseasonalised values.</summary>
    private static double[]? InitialStates(double[] y, EtsSpec spec, int m)
    {
        var n = y.Length;
        double[] seasonIndex = [];
        var adjusted = y;
        if (spec.Season != EtsSeason.None)
        {
            if (n < 3 * m) return null;
            var multiplicative = spec.Season == EtsSeason.Multiplicative;
            var figure = Decomposition.SeasonalFigure(y, m, multiplicative);
            if (figure is null) return null;
            seasonIndex = new double[m - 1];
            for (var j = 0; j < m - 1; j++) seasonIndex[j] = multiplicative ? Math.Max(figure[j], 0.01) : figure[j];
            adjusted = new double[n];
            for (var t = 0; t < n; t++) adjusted[t] = multiplicative ? y[t] / Math.Max(figure[t % m], 0.01) : y[t] - figure[t % m];
        }
        var maxn = Math.Min(Math.Max(10, 2 * m), n);
        var states = new List<double>();
        if (spec.Trend == EtsTrend.None)
        {
            states.Add(adjusted.Take(maxn).Average());
        }
        else
        {
            var (intercept, slope) = Regression.Line(adjusted.AsSpan(0, maxn), firstX: 1);
            if (Math.Abs(intercept + slope) < 1e-8) { intercept *= 1.001; slope *= 0.999; }
            states.Add(intercept);
            states.Add(slope);
        }
        states.AddRange(seasonIndex);
        return [.. states];
    }

    /// <summary>
    /// Admissibility beyond the usual region: under 0&lt;β&lt;α&lt;1, 0.8≤φ≤0.98 the non-seasonal forms are always
    /// admissible; seasonal forms additionally need γ below 1 − α (checked) and, following Hyndman et al. (2008, §10.2),
    /// α + γ &lt; 1 + φ and a non-explosive characteristic equation, approximated here by γ &lt; 1 + φ − α.
    /// </summary>
    private static bool Admissible(double alpha, double? beta, double? gamma, double? phi, int m)
    {
        var f = phi ?? 1;
        if (beta is { } b && (b <= 0 || b >= alpha || alpha <= 0 || alpha >= 1 + 1 / f)) return false;
        if (gamma is { } g && (g <= 0 || g >= 1 + f - alpha)) return false;
        return m >= 1;
    }

    private static double Mean(double[] y) => y.Length == 0 ? 0 : y.Average();
}
