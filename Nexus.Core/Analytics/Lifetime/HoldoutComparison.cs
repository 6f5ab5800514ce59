namespace Nexus.Core.Analytics.Lifetime;

/// <summary>How one model did on the holdout: fitted on the calibration part, asked to predict the holdout part.</summary>
/// <param name="PredictedPurchases">Sum over customers of E[Y(holdout length)] (repeat purchase days).</param>
/// <param name="MeanAbsoluteError">Mean over customers of |predicted − actual| repeat purchase days in the holdout.</param>
public sealed record HoldoutScore(PurchaseModelKind Model, BgNbdParameters Parameters, double PredictedPurchases, double MeanAbsoluteError);

/// <summary>
/// The calibration/holdout test that picks the purchase model: both models are fitted on the orders up to
/// <see cref="SplitDay"/> and predict each customer's purchase days in the holdout (after it, up to
/// <see cref="HoldoutEnd"/>); the model with the smaller mean absolute error is used on all the data.
/// </summary>
/// <param name="Customers">Customers who had bought by the split day (the ones predicted).</param>
/// <param name="ActualPurchases">Their actual purchase days in the holdout.</param>
public sealed record HoldoutComparison(DateOnly SplitDay, DateOnly HoldoutEnd, int Customers, int ActualPurchases,
    IReadOnlyList<HoldoutScore> Scores, PurchaseModelKind Chosen)
{
    public int HoldoutDays => HoldoutEnd.DayNumber - SplitDay.DayNumber;

    /// <summary>Below this many repeat buyers before the split, the fits say more about noise than about the models.</summary>
    public const int MinimumRepeatBuyers = 20;

    /// <summary>
    /// Splits the history before <paramref name="end"/>: the last third is the holdout, at least 4 and at most 26
    /// weeks, leaving at least as long a calibration period. Null when the history is too short, the calibration part
    /// has fewer than <see cref="MinimumRepeatBuyers"/> repeat buyers, or a fit does not converge.
    /// </summary>
    public static HoldoutComparison? Run(IReadOnlyList<Transaction> transactions, DateOnly end, TimeUnit unit, double l2Penalty = 0)
    {
        var days = transactions.Where(t => t.Day <= end).Select(t => t.Day).ToList();
        if (days.Count == 0) return null;
        var span = end.DayNumber - days.Min().DayNumber;
        var holdoutDays = Math.Clamp(span / 3, 28, 182);
        if (span < 2 * holdoutDays) return null;
        var split = end.AddDays(-holdoutDays);

        var calibration = CustomerSummaryBuilder.Build(transactions, split, unit);
        if (calibration.Count(c => c.Frequency > 0) < MinimumRepeatBuyers) return null;
        var actual = transactions.Where(t => t.Day > split && t.Day <= end)
            .GroupBy(t => t.CustomerId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Day).Distinct().Count(), StringComparer.Ordinal);
        var horizon = holdoutDays / unit.DaysPerUnit();

        var scores = new List<HoldoutScore>();
        foreach (var kind in Enum.GetValues<PurchaseModelKind>())
        {
            IPurchaseModel model;
            try
            {
                model = PurchaseModels.Fit(kind, calibration, l2Penalty);
            }
            catch (MathNet.Numerics.Optimization.MaximumIterationsException)
            {
                return null; // too little calibration data for a stable fit: no test rather than a guess
            }
            double predicted = 0, error = 0;
            foreach (var c in calibration)
            {
                var e = model.ExpectedPurchases(horizon, c.Frequency, c.Recency, c.Age);
                if (!double.IsFinite(e)) { predicted = error = double.PositiveInfinity; break; }
                predicted += e;
                error += Math.Abs(e - actual.GetValueOrDefault(c.CustomerId));
            }
            scores.Add(new HoldoutScore(kind, model.Parameters, predicted, error / calibration.Count));
        }
        var chosen = scores.OrderBy(s => s.MeanAbsoluteError).ThenBy(s => s.Model == PurchaseModelKind.MbgNbd ? 0 : 1).First().Model;
        return new HoldoutComparison(split, end, calibration.Count, calibration.Sum(c => actual.GetValueOrDefault(c.CustomerId)), scores, chosen);
    }
}
