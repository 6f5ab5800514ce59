namespace Nexus.Core.Analytics.Forecasting;

/// <summary>
/// Automatic forecasting for one series: every candidate is fitted at several rolling origins (time-series
/// cross-validation), scored by sMAPE and MASE against what happened, and the best one by the mean of the two
/// (each relative to the naive forecast's) is refitted on all the data. Losing candidates' scores are kept.
/// Pure: plain arrays in, plain records out.
/// </summary>
public static class AutoForecaster
{
    /// <summary>Fewest observations the engine forecasts from (only the naive models and ETS apply that short).</summary>
    public const int MinimumObservations = 5;

    /// <summary>Shortest training set a backtest origin may leave.</summary>
    private const int MinimumTraining = 10;

    /// <param name="cancellationToken">Checked before every candidate fit, so a stopping job server is not held for a whole selection.</param>
    public static ForecastResult Forecast(double[] y, ForecastOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Horizon, 1, nameof(options.Horizon));
        if (y.Length < MinimumObservations)
            throw new InsufficientDataException($"a series needs at least {MinimumObservations} observations to forecast; this one has {y.Length}");
        foreach (var v in y)
            if (!double.IsFinite(v)) throw new ArgumentException("the series has a missing or non-finite value", nameof(y));

        var h = options.Horizon;
        var candidates = ForecastCandidates.All(options);
        // Sales are never negative; a series that has always been positive is not forecast below half its lowest
        // value either (a trend extrapolated to zero is almost never right, and sMAPE scores a zero forecast at 200 %).
        double? floor = y.All(v => v > 0) ? 0.5 * y.Min() : y.All(v => v >= 0) ? 0 : null;

        // Rolling origins, one horizon apart, each leaving at least MinimumTraining observations to fit on.
        var origins = new List<int>();
        for (var k = 1; k <= options.BacktestOrigins; k++)
        {
            var train = y.Length - k * h;
            if (train < MinimumTraining) break;
            origins.Add(train);
        }
        if (origins.Count == 0 && y.Length - 1 >= MinimumTraining) origins.Add(Math.Max(MinimumTraining, y.Length - h));

        var perCandidate = candidates.ToDictionary(c => c.Name, _ => new List<(int Train, CandidateForecast Forecast)>());
        var trained = origins.Count == 0 ? [] : candidates.Where(c => c.Train is not null)
            .Select(c => (c.Name, Forecaster: c.Train!(new PreparedSeries(y[..origins.Min()], options), h)))
            .Where(t => t.Forecaster is not null).ToDictionary(t => t.Name, t => t.Forecaster!);
        foreach (var train in origins)
        {
            var steps = Math.Min(h, y.Length - train);
            foreach (var (name, forecast) in RunAll(candidates, trained, new PreparedSeries(y[..train], options), steps, floor, cancellationToken))
                perCandidate[name].Add((train, forecast));
        }

        var scores = new List<(ForecastCandidates.Candidate Candidate, double Smape, double Mase, double Coverage, double Score, string Model, string Description)>();
        var naiveRuns = perCandidate[ForecastCandidates.Naive];
        foreach (var candidate in candidates)
        {
            var runs = perCandidate[candidate.Name];
            if (runs.Count == 0 || runs.Count != origins.Count) continue;
            double smape = 0, mase = 0, score = 0;
            int inside = 0, points = 0;
            for (var i = 0; i < runs.Count; i++)
            {
                var (train, forecast) = runs[i];
                var actual = y[train..Math.Min(y.Length, train + h)];
                var s = Accuracy.Smape(actual, forecast.Path.Mean);
                var m = Accuracy.Mase(actual, forecast.Path.Mean, y.AsSpan(0, train), options.MasePeriod);
                smape += s; mase += m;
                var naive = naiveRuns[i].Forecast.Path.Mean;
                score += 0.5 * (Relative(s, Accuracy.Smape(actual, naive)) + Relative(m, Accuracy.Mase(actual, naive, y.AsSpan(0, train), options.MasePeriod)));
                for (var j = 0; j < actual.Length; j++)
                {
                    points++;
                    if (actual[j] >= forecast.Path.Lower95[j] && actual[j] <= forecast.Path.Upper95[j]) inside++;
                }
            }
            var last = runs[0].Forecast;
            scores.Add((candidate, smape / runs.Count, mase / runs.Count, points > 0 ? (double)inside / points : double.NaN, score / runs.Count, last.Model, last.Description));
        }

        // Without any origin (very short series) the choice falls back on ETS by AICc, then the naive forecast.
        var chosen = scores.Count > 0
            ? scores.OrderBy(s => s.Score).ThenBy(s => IndexOf(candidates, s.Candidate)).First().Candidate
            : candidates.First(c => c.Name == ForecastCandidates.Ets);
        var full = new PreparedSeries(y, options);
        var final = FinalForecast(candidates, chosen, full, h, floor)
                    ?? FinalForecast(candidates, candidates[0], full, h, floor)!;
        var intervalSource = "model";
        if (!final.HasModelIntervals && perCandidate[chosen.Name].Count > 0)
        {
            final = final with { Path = FromBacktestErrors(final.Path.Mean, perCandidate[chosen.Name], y, floor) };
            intervalSource = "backtest";
        }

        var candidateScores = scores
            .OrderBy(s => s.Score)
            .Select(s => new CandidateScore(s.Candidate.Name, s.Description, s.Smape, s.Mase, s.Coverage, s.Score, s.Candidate == chosen))
            .ToList();
        var backtest = perCandidate.TryGetValue(chosen.Name, out var chosenRuns)
            ? chosenRuns.Select(r =>
            {
                var actual = y[r.Train..Math.Min(y.Length, r.Train + h)];
                return new BacktestOrigin(r.Train, actual, r.Forecast.Path.Mean, r.Forecast.Path.Lower95, r.Forecast.Path.Upper95,
                    Accuracy.Smape(actual, r.Forecast.Path.Mean), Accuracy.Mase(actual, r.Forecast.Path.Mean, y.AsSpan(0, r.Train), options.MasePeriod));
            }).OrderBy(o => o.TrainingLength).ToList()
            : [];
        return new ForecastResult(final.Model, final.Description, options.Period, full.Factors is not null, final.Path,
            intervalSource, candidateScores, backtest);
    }

    /// <summary>Every candidate on one training set; combinations are built from the members' forecasts.</summary>
    private static IEnumerable<(string Name, CandidateForecast Forecast)> RunAll(IReadOnlyList<ForecastCandidates.Candidate> candidates,
        Dictionary<string, Func<PreparedSeries, int, CandidateForecast?>> trained, PreparedSeries series, int steps, double? floor,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, CandidateForecast>();
        foreach (var candidate in candidates.Where(c => c.Members is null))
            if (!cancellationToken.IsCancellationRequested && (candidate.Train is null ? candidate.Run(series, steps) : trained.GetValueOrDefault(candidate.Name)?.Invoke(series, steps)) is { } forecast
                && forecast.Path.Mean.All(double.IsFinite))
                results[candidate.Name] = Clip(forecast, floor);
        foreach (var combination in candidates.Where(c => c.Members is not null))
            if (ForecastCandidates.Combine(combination, results) is { } combined)
                results[combination.Name] = combined;
        cancellationToken.ThrowIfCancellationRequested();
        return results.Select(r => (r.Key, r.Value));
    }

    private static CandidateForecast? FinalForecast(IReadOnlyList<ForecastCandidates.Candidate> candidates, ForecastCandidates.Candidate chosen,
        PreparedSeries series, int h, double? floor)
    {
        if (chosen.Members is null)
        {
            var forecast = chosen.Run(series, h);
            return forecast is not null && forecast.Path.Mean.All(double.IsFinite) ? Clip(forecast, floor) : null;
        }
        var members = new Dictionary<string, CandidateForecast>();
        foreach (var name in chosen.Members)
            if (candidates.First(c => c.Name == name).Run(series, h) is { } f && f.Path.Mean.All(double.IsFinite))
                members[name] = Clip(f, floor);
        return ForecastCandidates.Combine(chosen, members);
    }

    /// <summary>
    /// Normal intervals whose spread is the backtest's root mean squared error, growing with √h around the mean step
    /// (the backtest has too few points per step to estimate each step's spread on its own).
    /// </summary>
    private static ForecastPath FromBacktestErrors(double[] mean, List<(int Train, CandidateForecast Forecast)> runs, double[] y, double? floor)
    {
        double ss = 0, steps = 0;
        var count = 0;
        foreach (var (train, forecast) in runs)
            for (var j = 0; j < forecast.Path.Horizon && train + j < y.Length; j++)
            {
                var e = y[train + j] - forecast.Path.Mean[j];
                ss += e * e; steps += j + 1; count++;
            }
        var rmse = Math.Sqrt(ss / Math.Max(1, count));
        var meanStep = count > 0 ? steps / count : 1;
        var sd = mean.Select((_, i) => rmse * Math.Sqrt((i + 1) / meanStep)).ToArray();
        var path = ForecastPath.Normal(mean, sd);
        return floor is { } f ? path.ClipAt(f) : path;
    }

    private static CandidateForecast Clip(CandidateForecast forecast, double? floor) =>
        floor is { } f ? forecast with { Path = forecast.Path.ClipAt(f) } : forecast;

    private static int IndexOf(IReadOnlyList<ForecastCandidates.Candidate> list, ForecastCandidates.Candidate item)
    {
        for (var i = 0; i < list.Count; i++) if (ReferenceEquals(list[i], item)) return i;
        return -1;
    }

    private static double Relative(double value, double baseline) =>
        baseline > 1e-12 ? value / baseline : value > 1e-12 ? 2 : 1;
}

/// <summary>The M4 accuracy measures.</summary>
public static class Accuracy
{
    /// <summary>Symmetric MAPE in percent: mean of 200·|y − ŷ| / (|y| + |ŷ|) (0 where both are 0).</summary>
    public static double Smape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        var sum = 0.0;
        var n = Math.Min(actual.Length, forecast.Length);
        for (var i = 0; i < n; i++)
        {
            var denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            sum += denominator == 0 ? 0 : 200 * Math.Abs(actual[i] - forecast[i]) / denominator;
        }
        return n == 0 ? 0 : sum / n;
    }

    /// <summary>Mean absolute scaled error: MAE over the in-sample mean absolute seasonal-naive error (period m).</summary>
    public static double Mase(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, ReadOnlySpan<double> insample, int m)
    {
        var n = Math.Min(actual.Length, forecast.Length);
        var sum = 0.0;
        for (var i = 0; i < n; i++) sum += Math.Abs(actual[i] - forecast[i]);
        return n == 0 ? 0 : sum / n / SimpleModels.MaseScale(insample, m);
    }
}
