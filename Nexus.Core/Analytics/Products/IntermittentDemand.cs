namespace Nexus.Core.Analytics.Products;

/// <summary>
/// Forecasters made for intermittent demand (many zero days), as R's <c>tsintermittent</c> defines them
/// (Kourentzes: <c>crost</c> with <c>init = "naive"</c>, and <c>tsb</c>), which for Croston is also what
/// <c>forecast::croston</c> computes (SES with <c>initial = "simple"</c> on the sizes and the intervals).
/// Each returns the one-step rate after every observation, so the last entry is the flat forecast per day and the
/// earlier ones give in-sample one-step errors for the interval.
/// </summary>
public static class IntermittentDemand
{
    /// <summary>Syntetos–Boylan: a series is intermittent when its average inter-demand interval exceeds this.</summary>
    public const double IntermittentAdi = 1.32;

    /// <summary>
    /// Average inter-demand interval: periods per non-zero period (n / count of non-zero), ∞ when there are none.
    /// </summary>
    public static double Adi(ReadOnlySpan<double> y)
    {
        var nonZero = 0;
        foreach (var v in y) if (v != 0) nonZero++;
        return nonZero == 0 ? double.PositiveInfinity : (double)y.Length / nonZero;
    }

    /// <summary>
    /// Croston (1972): z = non-zero sizes, x = intervals between them (the first counted from the series start, as
    /// tsintermittent's <c>c(nzd[1], diff(nzd))</c>). ẑ₁ = z₁, x̂₁ = x₁, then ẑᵢ = ẑᵢ₋₁ + α(zᵢ − ẑᵢ₋₁) and the same for x̂
    /// at each demand; the rate is ẑ/x̂, held between demands. SBA multiplies by (1 − α/2) (Syntetos &amp; Boylan 2005).
    /// Before the first demand the rate is 0 (nothing has been seen).
    /// </summary>
    public static double[] Croston(ReadOnlySpan<double> y, double alpha, bool sba = false)
    {
        var rates = new double[y.Length];
        double size = 0, interval = 0, rate = 0;
        var lastDemand = -1; // index of the previous demand; the first interval is counted from "before the series"
        var seen = 0;
        var correction = sba ? 1 - alpha / 2 : 1;
        for (var t = 0; t < y.Length; t++)
        {
            if (y[t] != 0)
            {
                double gap = t - lastDemand;
                if (seen == 0) { size = y[t]; interval = gap; }
                else { size += alpha * (y[t] - size); interval += alpha * (gap - interval); }
                seen++;
                lastDemand = t;
                rate = correction * size / interval;
            }
            rates[t] = rate;
        }
        return rates;
    }

    /// <summary>
    /// Teunter–Syntetos–Babai (2011): p = 1 when there was demand, else 0. p̂₁ = mean(p) and ẑ₁ = z₁ (tsintermittent's
    /// default init); from the second period p̂ₜ = p̂ₜ₋₁ + β(pₜ − p̂ₜ₋₁) every period and ẑₜ = ẑₜ₋₁ + α(yₜ − ẑₜ₋₁) only
    /// when yₜ ≠ 0. The rate is p̂·ẑ, so a product that stops selling decays towards zero instead of keeping its
    /// last rate (Croston's weakness on obsolescence).
    /// </summary>
    public static double[] Tsb(ReadOnlySpan<double> y, double alpha, double beta)
    {
        var rates = new double[y.Length];
        if (y.Length == 0) return rates;
        var nonZero = 0;
        var firstSize = 0.0;
        foreach (var v in y) if (v != 0) { if (nonZero++ == 0) firstSize = v; }
        var probability = (double)nonZero / y.Length;
        var size = firstSize;
        rates[0] = probability * size;
        for (var t = 1; t < y.Length; t++)
        {
            var demand = y[t] != 0 ? 1.0 : 0.0;
            probability += beta * (demand - probability);
            if (y[t] != 0) size += alpha * (y[t] - size);
            rates[t] = probability * size;
        }
        return rates;
    }
}
