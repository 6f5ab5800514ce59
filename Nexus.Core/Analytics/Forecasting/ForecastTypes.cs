namespace Nexus.Core.Analytics.Forecasting;

/// <summary>How often a series is observed; sets the default seasonal period and how the season is named.</summary>
public enum ForecastFrequency { Daily, Weekly, Monthly, Quarterly, Yearly }

/// <summary>What to forecast and how hard to look.</summary>
/// <param name="Horizon">Steps ahead to forecast.</param>
/// <param name="Frequency">Observation frequency.</param>
/// <param name="SeasonalPeriod">Season length; null = the frequency's usual one (7, 52, 12, 4, 1).</param>
/// <param name="BacktestOrigins">Rolling origins for model selection (each one horizon apart).</param>
/// <param name="IncludeMachineLearning">Whether the gradient-boosted model competes (on long histories).</param>
/// <param name="MaxFitLength">Only the latest this-many observations are used to fit (old regimes mislead); null = a default per frequency.</param>
public sealed record ForecastOptions(
    int Horizon,
    ForecastFrequency Frequency,
    int? SeasonalPeriod = null,
    int BacktestOrigins = 3,
    bool IncludeMachineLearning = true,
    int? MaxFitLength = null)
{
    public int Period => SeasonalPeriod ?? DefaultPeriod(Frequency);

    public static int DefaultPeriod(ForecastFrequency frequency) => frequency switch
    {
        ForecastFrequency.Daily => 7,
        ForecastFrequency.Weekly => 52,
        ForecastFrequency.Monthly => 12,
        ForecastFrequency.Quarterly => 4,
        _ => 1,
    };

    /// <summary>The seasonal period MASE is scaled with: the M4 convention (1 for weekly, daily and yearly data).</summary>
    public int MasePeriod => Frequency is ForecastFrequency.Monthly or ForecastFrequency.Quarterly ? Period : 1;

    /// <summary>Fit window: the latest ten seasons, at least 200 and at most 1,000 observations.</summary>
    public int FitLength => MaxFitLength ?? Math.Clamp(10 * Math.Max(Period, 1), 200, 1000);

    /// <summary>Plain name of the season for a period, e.g. "yearly" for 52 weeks.</summary>
    public string SeasonName(int period) => (Frequency, period) switch
    {
        (ForecastFrequency.Daily, 7) => "weekly",
        (ForecastFrequency.Daily, 365) or (ForecastFrequency.Weekly, 52) or (ForecastFrequency.Monthly, 12) or (ForecastFrequency.Quarterly, 4) => "yearly",
        _ => $"{period}-step",
    };
}

/// <summary>How one candidate did in the rolling-origin backtest.</summary>
/// <param name="Smape">Mean sMAPE (%) over the origins.</param>
/// <param name="Mase">Mean MASE over the origins.</param>
/// <param name="Coverage95">Share of backtest actuals inside the candidate's 95 % interval.</param>
/// <param name="Score">Selection score: mean of sMAPE and MASE relative to the naive forecast (lower is better; 1 = as good as naive).</param>
public sealed record CandidateScore(string Model, string Description, double Smape, double Mase, double Coverage95, double Score, bool Chosen);

/// <summary>One backtest origin of the chosen model: what it would have forecast from there, and what happened.</summary>
public sealed record BacktestOrigin(int TrainingLength, double[] Actual, double[] Forecast, double[] Lower95, double[] Upper95, double Smape, double Mase);

/// <summary>The outcome for one series.</summary>
/// <param name="Model">Technical name of the chosen model, e.g. "ETS(M,Ad,N)".</param>
/// <param name="Description">The chosen model in plain words, e.g. "trend damped, yearly seasonality".</param>
/// <param name="IntervalSource">"model" when the intervals come from the model's own distribution, "backtest" when from backtest errors.</param>
public sealed record ForecastResult(
    string Model,
    string Description,
    int SeasonalPeriod,
    bool SeasonalityDetected,
    ForecastPath Path,
    string IntervalSource,
    IReadOnlyList<CandidateScore> Candidates,
    IReadOnlyList<BacktestOrigin> Backtest)
{
    public CandidateScore? ChosenScore => Candidates.FirstOrDefault(c => c.Chosen);
}
