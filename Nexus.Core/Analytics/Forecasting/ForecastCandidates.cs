namespace Nexus.Core.Analytics.Forecasting;

/// <summary>A candidate's forecast from one training set.</summary>
/// <param name="HasModelIntervals">False when the intervals are a stand-in to be replaced by backtest errors.</param>
internal sealed record CandidateForecast(ForecastPath Path, string Model, string Description, bool HasModelIntervals = true);

/// <summary>One training set with its seasonal adjustment worked out once for all candidates.</summary>
internal sealed class PreparedSeries
{
    public PreparedSeries(double[] y, ForecastOptions options)
    {
        Options = options;
        Period = options.Period;
        Full = y;
        Y = y.Length > options.FitLength ? y[^options.FitLength..] : y;
        Factors = Period > 1 ? Decomposition.MultiplicativeFactors(Y, Period) : null;
        Adjusted = Factors is null ? Y : ThetaMethod.Deseasonalise(Y, Factors);
    }

    public ForecastOptions Options { get; }
    public int Period { get; }
    public double[] Y { get; }

    /// <summary>The whole history, before the fit window is applied.</summary>
    public double[] Full { get; }

    /// <summary>Multiplicative seasonal factors when the season tests significant, else null.</summary>
    public double[]? Factors { get; }

    public double[] Adjusted { get; }

    private readonly Dictionary<EtsSpec, EtsFit?> _adjustedFits = [];

    /// <summary>A non-seasonal ETS fit of <see cref="Adjusted"/>, computed once and shared (SES, damped and auto-ETS all need them).</summary>
    public EtsFit? AdjustedFit(EtsSpec spec)
    {
        if (!_adjustedFits.TryGetValue(spec, out var fit)) _adjustedFits[spec] = fit = EtsFitter.Fit(Adjusted, spec, 1);
        return fit;
    }

    public string SeasonWords => Factors is null ? "no seasonality" : $"{Options.SeasonName(Period)} seasonality";

    /// <summary>Re-seasonalises a forecast made on <see cref="Adjusted"/>.</summary>
    public ForecastPath Reseasonalise(ForecastPath path) =>
        Factors is null ? path : path.Scale(ThetaMethod.FutureFactors(Factors, Y.Length, path.Horizon));
}

/// <summary>
/// The competing models. Each takes a prepared training set and a horizon and returns a forecast or null when it does
/// not apply. Long seasons (over 24 steps, e.g. 52 weeks) are never given seasonal states: those models forecast the
/// deseasonalised series and the classical seasonal factors are put back, the M4 benchmarks' recipe.
/// </summary>
internal static class ForecastCandidates
{
    public const string Naive = "Naive", SeasonalNaive = "Seasonal naive", Ses = "SES", Damped = "Damped ES", Ets = "ETS",
        Theta = "Theta", Arima = "ARIMA", Boosting = "Gradient boosting", CombMedian = "Combination (median)", CombMean = "Combination (mean)";

    /// <param name="Train">
    /// For costly learners: train once on a history and return a forecaster usable from the end of any later history
    /// of the same series, so the backtest trains once (at the earliest origin) rather than at every origin.
    /// </param>
    public sealed record Candidate(string Name, Func<PreparedSeries, int, CandidateForecast?> Run, IReadOnlyList<string>? Members = null,
        Func<PreparedSeries, int, Func<PreparedSeries, int, CandidateForecast?>?>? Train = null);

    public static IReadOnlyList<Candidate> All(ForecastOptions options)
    {
        var list = new List<Candidate>
        {
            new(Naive, (s, h) => new(SimpleModels.Naive(s.Y, h), "Naive", "last value carried forward")),
            new(SeasonalNaive, (s, h) => s.Period > 1 && s.Y.Length >= s.Period
                ? new(SimpleModels.SeasonalNaive(s.Y, h, s.Period), "SNaive", $"same as one {s.Options.SeasonName(s.Period)} season ago")
                : null),
            new(Ses, (s, h) => Smoothing(s, h, new EtsSpec(EtsError.Additive, EtsTrend.None, EtsSeason.None))),
            new(Damped, (s, h) => Smoothing(s, h, new EtsSpec(EtsError.Additive, EtsTrend.Damped, EtsSeason.None))),
            new(Ets, AutoEts),
            new(Theta, (s, h) => ThetaMethod.Fit(s.Y, h, s.Period) is { } fit
                ? new(fit.Path, "Theta", $"Theta method: trend {(fit.Drift >= 0 ? "up" : "down")} at half the long-run slope, {(fit.Seasonal ? $"{s.Options.SeasonName(s.Period)} seasonality" : "no seasonality")}")
                : null),
            new(Arima, (s, h) => AutoArima.Fit(s.Adjusted) is { } fit
                ? new(s.Reseasonalise(fit.Forecast(h)), fit.Code, $"ARIMA{(fit.D > 0 ? " on changes" : "")}{(fit.HasConstant && fit.D == 1 ? " with steady drift" : "")}, {s.SeasonWords}")
                : null),
        };
        if (options.IncludeMachineLearning)
            list.Add(new(Boosting, (s, h) => BoostingForecaster(s, h)?.Invoke(s, h), Train: BoostingForecaster));
        list.Add(new(CombMedian, (_, _) => null, [Ets, Theta, Arima]));
        list.Add(new(CombMean, (_, _) => null, [Ses, Damped, Theta, Arima]));
        return list;
    }

    /// <summary>Combines members' forecasts; null unless all of them produced one.</summary>
    public static CandidateForecast? Combine(Candidate combination, IReadOnlyDictionary<string, CandidateForecast> members)
    {
        var paths = new List<ForecastPath>();
        foreach (var name in combination.Members!)
        {
            if (!members.TryGetValue(name, out var member)) return null;
            paths.Add(member.Path);
        }
        var median = combination.Name == CombMedian;
        var names = string.Join(", ", combination.Members!.Select(n => n == Damped ? "damped trend" : n));
        return new(ForecastPath.Combine(paths, median), combination.Name, $"{(median ? "median" : "average")} of {names} forecasts");
    }

    /// <summary>FastTree trained on the full (untruncated) history, so the calendar position means the same at every origin.</summary>
    private static Func<PreparedSeries, int, CandidateForecast?>? BoostingForecaster(PreparedSeries training, int h)
    {
        var model = GradientBoostedModel.Train(training.Full, h, training.Period);
        if (model is null) return null;
        return (s, steps) => new(ForecastPath.Normal(model.Forecast(s.Full, steps), NaiveSpread(s.Full, steps)), "FastTree",
            "gradient-boosted trees on recent changes and the calendar", HasModelIntervals: false);
    }

    /// <summary>The random walk's standard deviations: a stand-in spread for models without a distribution of their own.</summary>
    private static double[] NaiveSpread(double[] y, int h)
    {
        var naive = SimpleModels.Naive(y, h);
        return naive.Upper95.Select((u, i) => (u - naive.Mean[i]) / ForecastPath.Z95).ToArray();
    }

    private static CandidateForecast? Smoothing(PreparedSeries s, int h, EtsSpec spec)
    {
        var fit = s.AdjustedFit(spec);
        return fit is null ? null : new(s.Reseasonalise(fit.Forecast(h)), fit.Spec.Code, $"{TrendWords(fit.Spec.Trend)}, {s.SeasonWords}");
    }

    private static CandidateForecast? AutoEts(PreparedSeries s, int h)
    {
        if (s.Period > 1 && s.Period <= EtsFitter.MaxSeasonalPeriod)
        {
            var fit = EtsFitter.FitBest(s.Y, s.Period);
            if (fit is null) return null;
            var season = fit.Spec.Season switch
            {
                EtsSeason.None => "no seasonality",
                EtsSeason.Additive => $"{s.Options.SeasonName(s.Period)} seasonality",
                _ => $"{s.Options.SeasonName(s.Period)} seasonality growing with the level",
            };
            return new(fit.Forecast(h), fit.Spec.Code, $"{TrendWords(fit.Spec.Trend)}, {season}");
        }
        EtsFit? adjusted = null;
        foreach (var spec in EtsFitter.Candidates(s.Adjusted, 1))
            if (s.AdjustedFit(spec) is { } fit && (adjusted is null || fit.Aicc < adjusted.Aicc)) adjusted = fit;
        return adjusted is null ? null : new(s.Reseasonalise(adjusted.Forecast(h)), adjusted.Spec.Code, $"{TrendWords(adjusted.Spec.Trend)}, {s.SeasonWords}");
    }

    internal static string TrendWords(EtsTrend trend) => trend switch
    {
        EtsTrend.None => "no trend",
        EtsTrend.Additive => "steady trend",
        _ => "trend damped",
    };
}
