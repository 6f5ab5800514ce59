using System.Globalization;

namespace Nexus.Core.Analytics.Forecasting.Sales;

/// <summary>How far to trust a forecast, in plain words, from its backtest against the simple baseline.</summary>
public sealed record ForecastTrust(string Verdict, string Explanation, double? ImprovementOverBaseline)
{
    /// <summary>
    /// Compares the chosen model's backtest sMAPE with the seasonal-naive forecast's (the naive one without a season):
    /// 20 % better or more and a 95 % band that held at least four in five actual values reads "reliable".
    /// </summary>
    public static ForecastTrust Assess(ForecastResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var chosen = result.ChosenScore;
        if (chosen is null)
            return new("Not tested", "There was too little history to test this forecast against past data.", null);
        var baseline = result.Candidates.FirstOrDefault(c => c.Model == "Seasonal naive") ?? result.Candidates.FirstOrDefault(c => c.Model == "Naive");
        var baselineName = baseline?.Model == "Seasonal naive" ? "repeating last season" : "repeating the last value";
        double? improvement = baseline is { Smape: > 0 } ? 1 - chosen.Smape / baseline.Smape : null;
        var coverage = chosen.Coverage95;
        var band = string.Create(CultureInfo.InvariantCulture, $"its 95 % band held {coverage:P0} of the actual values");
        if (chosen.Model == baseline?.Model)
            return new("Baseline", $"No model beat simply {baselineName} in the backtest, so that is the forecast; {band}.", 0);
        return improvement switch
        {
            >= 0.2 when coverage >= 0.8 => new("Reliable", string.Create(CultureInfo.InvariantCulture,
                $"In the backtest it was {improvement:P0} more accurate than {baselineName}, and {band}."), improvement),
            > 0 => new("Fair", string.Create(CultureInfo.InvariantCulture,
                $"In the backtest it was {improvement:P0} more accurate than {baselineName}; {band}. Use the range, not just the line."), improvement),
            _ => new("Use with care", $"In the backtest it was not more accurate than {baselineName}; {band}. Treat it as a rough guide.", improvement),
        };
    }
}
