namespace Nexus.Core.Analytics.Forecasting;

/// <summary>Error, trend and seasonal forms of an exponential-smoothing state-space model (Hyndman et al. 2008).</summary>
public enum EtsError { Additive, Multiplicative }

/// <inheritdoc cref="EtsError"/>
public enum EtsTrend { None, Additive, Damped }

/// <inheritdoc cref="EtsError"/>
public enum EtsSeason { None, Additive, Multiplicative }

/// <summary>One ETS form, e.g. ETS(M,Ad,N).</summary>
public sealed record EtsSpec(EtsError Error, EtsTrend Trend, EtsSeason Season)
{
    public string Code => $"ETS({(Error == EtsError.Additive ? "A" : "M")},{Trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" }},{Season switch { EtsSeason.None => "N", EtsSeason.Additive => "A", _ => "M" }})";

    /// <summary>Multiplicative error or season needs strictly positive data.</summary>
    public bool NeedsPositiveData => Error == EtsError.Multiplicative || Season == EtsSeason.Multiplicative;

    public override string ToString() => Code;
}

/// <summary>A fitted ETS model: parameters, initial states, final states and the fit statistics.</summary>
public sealed record EtsFit(
    EtsSpec Spec,
    int Period,
    double Alpha,
    double? Beta,
    double? Gamma,
    double? Phi,
    double InitialLevel,
    double? InitialTrend,
    double[] InitialSeason,
    double Level,
    double Trend,
    double[] Season,
    double LogLikelihood,
    double Aicc,
    double Sigma2,
    int Observations)
{
    /// <summary>
    /// Point forecasts and normal intervals. The variances are the exact class-1 formulas for additive-error models
    /// (Hyndman et al. 2008, ch. 6); multiplicative-error models use the same factor on the relative scale, a
    /// first-order approximation that R's forecast package replaces with simulation.
    /// </summary>
    public ForecastPath Forecast(int horizon)
    {
        var mean = new double[horizon];
        var sd = new double[horizon];
        var phi = Spec.Trend == EtsTrend.Damped ? Phi!.Value : 1.0;
        var phiSum = 0.0;
        var cumulative = 0.0;
        var damp = 1.0;
        var gamma = Gamma ?? 0;
        var beta = Beta ?? 0;
        for (var h = 1; h <= horizon; h++)
        {
            if (Spec.Trend != EtsTrend.None) { damp *= phi; phiSum += damp; }
            var point = Level + (Spec.Trend == EtsTrend.None ? 0 : phiSum * Trend);
            var s = Spec.Season == EtsSeason.None ? 0 : Season[(Observations + h - 1) % Period];
            point = Spec.Season switch { EtsSeason.Additive => point + s, EtsSeason.Multiplicative => point * s, _ => point };
            mean[h - 1] = point;
            var variance = Sigma2 * (1 + cumulative);
            sd[h - 1] = Spec.Error == EtsError.Additive ? Math.Sqrt(variance) : Math.Abs(point) * Math.Sqrt(variance);
            // c_h = α + β·φ_h + γ·[h ≡ 0 mod m], added after use so step h sees c_1..c_{h-1}.
            var c = Alpha + beta * (Spec.Trend == EtsTrend.None ? 0 : phiSum) + (Spec.Season != EtsSeason.None && h % Period == 0 ? gamma : 0);
            cumulative += c * c;
        }
        return ForecastPath.Normal(mean, sd);
    }
}
