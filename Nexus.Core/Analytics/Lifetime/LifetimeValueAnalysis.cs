using System.Globalization;

namespace Nexus.Core.Analytics.Lifetime;

/// <summary>Settings for <see cref="LifetimeValueAnalysis.Run"/>.</summary>
/// <param name="CalibrationEnd">Last day of data used (inclusive); T is measured up to it.</param>
/// <param name="TimeUnit">Unit of t_x, T and <paramref name="PurchaseHorizon"/>.</param>
/// <param name="ClvHorizonMonths">Months of future purchases summed into CLV.</param>
/// <param name="PurchaseHorizon">Horizon (in <paramref name="TimeUnit"/>) of the expected-purchases figure; null = the CLV horizon.</param>
/// <param name="Discount">Discount rate; null = 1 % a month (the <c>lifetimes</c> default).</param>
/// <param name="L2Penalty">Ridge penalty for both fits; 0 = pure maximum likelihood.</param>
/// <param name="Model">The purchase model to score customers with; null = the one that predicts a holdout period better
/// (see <see cref="HoldoutComparison"/>), MBG/NBD when there is too little history to test.</param>
public sealed record LifetimeValueOptions(
    DateOnly CalibrationEnd,
    TimeUnit TimeUnit = TimeUnit.Weeks,
    int ClvHorizonMonths = 12,
    double? PurchaseHorizon = null,
    DiscountRate? Discount = null,
    double L2Penalty = 0,
    PurchaseModelKind? Model = null);

/// <summary>Per-customer lifetime figures.</summary>
/// <param name="Summary">The customer's (x, t_x, T, m_x).</param>
/// <param name="ProbabilityAlive">P(alive) at the calibration end, from the report's purchase model.</param>
/// <param name="ExpectedPurchases">Expected repeat purchase days over the purchase horizon, from the report's purchase model.</param>
/// <param name="ExpectedAverageOrderValue">Gamma-Gamma expected spend per purchase.</param>
/// <param name="LifetimeValue">Discounted expected revenue over the CLV horizon.</param>
/// <param name="ProbabilityOfOrderSoon">P(at least one order in the next <see cref="LifetimeValueReport.OrderSoonDays"/> days), from the report's purchase model.</param>
public sealed record CustomerLifetimeValue(
    CustomerSummary Summary,
    double ProbabilityAlive,
    double ExpectedPurchases,
    decimal ExpectedAverageOrderValue,
    decimal LifetimeValue,
    double ProbabilityOfOrderSoon = 0);

/// <summary>Result of a lifetime-value run: the fitted models, which purchase model scored the customers and why, and one row per customer.</summary>
/// <param name="BgNbd">BG/NBD fitted on all the data (always reported: it reproduces the published CDNOW estimates).</param>
/// <param name="MbgNbd">MBG/NBD fitted on all the data.</param>
/// <param name="Model">The purchase model behind each customer's P(alive), expected purchases and CLV.</param>
/// <param name="Holdout">The calibration/holdout test that chose <paramref name="Model"/>; null when it was given or the history is too short.</param>
public sealed record LifetimeValueReport(
    LifetimeValueOptions Options,
    BgNbdParameters BgNbd,
    GammaGammaParameters GammaGamma,
    int GammaGammaCustomers,
    IReadOnlyList<CustomerLifetimeValue> Customers,
    BgNbdParameters? MbgNbd = null,
    PurchaseModelKind Model = PurchaseModelKind.BgNbd,
    HoldoutComparison? Holdout = null)
{
    /// <summary>P(alive) from which a customer counts as "probably still active" on the page and in exports.</summary>
    public const double LikelyActiveThreshold = 0.5;

    /// <summary>Predicted value of all customers over the CLV horizon.</summary>
    public decimal TotalLifetimeValue => Customers.Sum(c => c.LifetimeValue);

    /// <summary>Average predicted value per customer; 0 when there are none.</summary>
    public decimal AverageLifetimeValue => Customers.Count == 0 ? 0 : TotalLifetimeValue / Customers.Count;

    /// <summary>Customers whose P(alive) is at least <see cref="LikelyActiveThreshold"/>.</summary>
    public int LikelyActiveCustomers => Customers.Count(c => c.ProbabilityAlive >= LikelyActiveThreshold);

    /// <summary>The window of <see cref="CustomerLifetimeValue.ProbabilityOfOrderSoon"/>: a quarter, the span merchants plan win-back campaigns in.</summary>
    public const int OrderSoonDays = 90;

    /// <summary>
    /// How many customers are expected to order at least once in the next <see cref="OrderSoonDays"/> days: the sum of
    /// each one's probability. The page leads with this rather than the P(alive) count, which under BG/NBD counts every
    /// one-time buyer as active however long ago they bought.
    /// </summary>
    public double ExpectedCustomersOrderingSoon => Customers.Sum(c => c.ProbabilityOfOrderSoon);

    /// <summary>The most valuable customers first; ties by customer id so the list is the same on every render.</summary>
    public IReadOnlyList<CustomerLifetimeValue> TopByValue(int count) =>
        Customers.OrderByDescending(c => c.LifetimeValue).ThenBy(c => c.Summary.CustomerId, StringComparer.Ordinal).Take(count).ToList();
}

/// <summary>BG/NBD or MBG/NBD + Gamma-Gamma customer lifetime value, end to end from transactions.</summary>
public static class LifetimeValueAnalysis
{
    /// <summary>Summarises, fits both models and scores every customer.</summary>
    /// <exception cref="InsufficientDataException">
    /// No customer bought on or before the calibration end, nobody made a repeat purchase with positive spend,
    /// or the fitted spend model has no finite mean (q ≤ 1).
    /// </exception>
    public static LifetimeValueReport Run(IEnumerable<Transaction> transactions, LifetimeValueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ClvHorizonMonths, 1);
        var all = transactions as IReadOnlyList<Transaction> ?? transactions.ToList();
        var summaries = CustomerSummaryBuilder.Build(all, options.CalibrationEnd, options.TimeUnit);
        EnsureFittable(summaries, options.CalibrationEnd);
        var bgNbd = BgNbdModel.Fit(summaries, options.L2Penalty);
        MbgNbdModel? mbgNbd;
        try
        {
            mbgNbd = MbgNbdModel.Fit(summaries, options.L2Penalty);
        }
        catch (MathNet.Numerics.Optimization.MaximumIterationsException) when (options.Model != PurchaseModelKind.MbgNbd)
        {
            mbgNbd = null; // a tiny store can leave the MBG/NBD search without an optimum: BG/NBD still scores it
        }
        var holdout = options.Model is null && mbgNbd is not null ? HoldoutComparison.Run(all, options.CalibrationEnd, options.TimeUnit, options.L2Penalty) : null;
        var kind = mbgNbd is null ? PurchaseModelKind.BgNbd : options.Model ?? holdout?.Chosen ?? PurchaseModelKind.MbgNbd;
        IPurchaseModel purchases = kind == PurchaseModelKind.BgNbd ? bgNbd : mbgNbd!;
        var gammaGamma = GammaGammaModel.Fit(summaries, options.L2Penalty);
        if (gammaGamma.Parameters.Q <= 1)
            throw new InsufficientDataException(
                $"the spend model fitted q = {gammaGamma.Parameters.Q:G4} <= 1, i.e. no finite average order value; " +
                $"this happens with very few repeat buyers ({summaries.Count(GammaGammaModel.IsEligible)}) or extremely dispersed spend — add more history");
        var discount = options.Discount ?? DiscountRate.Monthly(0.01);
        var horizon = options.PurchaseHorizon ?? options.ClvHorizonMonths * options.TimeUnit.UnitsPerMonth();
        var soon = LifetimeValueReport.OrderSoonDays / options.TimeUnit.DaysPerUnit();

        var scored = summaries.Select(s =>
        {
            var value = ExpectedValuePerPurchase(gammaGamma, s);
            return (Summary: s, Alive: purchases.ProbabilityAlive(s.Frequency, s.Recency, s.Age), Purchases: purchases.ExpectedPurchases(horizon, s.Frequency, s.Recency, s.Age),
                Value: value, Clv: LifetimeValue(purchases, s, value, options.ClvHorizonMonths, discount, options.TimeUnit),
                Soon: PurchaseModels.ProbabilityOfPurchase(purchases, soon, s.Frequency, s.Recency, s.Age));
        }).ToList();
        // A handful of customers can drive the maximum-likelihood search to the parameter space's edge (e.g. a → 1 or
        // α → 0), where the expectations overflow: report that as too little data rather than printing infinities.
        var bad = scored.FindIndex(c => !(double.IsFinite(c.Alive) && double.IsFinite(c.Soon) && double.IsFinite(c.Purchases) && double.IsFinite(c.Value) && double.IsFinite(c.Clv)
            && Math.Abs(c.Value) < 1e15 && Math.Abs(c.Clv) < 1e15));
        if (bad >= 0)
            throw new InsufficientDataException(string.Create(CultureInfo.InvariantCulture,
                $"the purchase model fitted to {summaries.Count} customers (r = {purchases.Parameters.R:G4}, α = {purchases.Parameters.Alpha:G4}, a = {purchases.Parameters.A:G4}, b = {purchases.Parameters.B:G4}) ") +
                $"gives no finite prediction for customer {scored[bad].Summary.CustomerId}; this happens with very little history — add more customers or a longer period");
        var rows = scored.Select(c => new CustomerLifetimeValue(c.Summary, c.Alive, c.Purchases, (decimal)c.Value, (decimal)c.Clv, c.Soon)).ToList();

        return new LifetimeValueReport(options, bgNbd.Parameters, gammaGamma.Parameters,
            summaries.Count(GammaGammaModel.IsEligible), rows, mbgNbd?.Parameters, kind, holdout);
    }

    // Without a single repeat buyer the BG/NBD likelihood is maximised at the boundary (dropout or purchase
    // rate → 0) and Gamma-Gamma has no data at all: the fit "succeeds" with meaningless extreme numbers.
    private static void EnsureFittable(IReadOnlyList<CustomerSummary> summaries, DateOnly calibrationEnd)
    {
        if (summaries.Count == 0)
            throw new InsufficientDataException(
                $"no transactions on or before the calibration end {calibrationEnd:yyyy-MM-dd}; choose a later --calibration-end");
        if (!summaries.Any(GammaGammaModel.IsEligible))
            throw new InsufficientDataException(
                $"none of the {summaries.Count} customers made a repeat purchase (a second purchase day with positive spend) " +
                $"on or before {calibrationEnd:yyyy-MM-dd}; CLV needs repeat buyers to estimate purchase rates, dropout and spend — " +
                "use more history or a later calibration end");
    }

    /// <summary>
    /// Gamma-Gamma conditional mean spend; customers the spend model cannot use (no repeat purchase, or a
    /// non-positive mean after refunds) get the population mean pγ/(q−1).
    /// </summary>
    public static double ExpectedValuePerPurchase(GammaGammaModel model, CustomerSummary s) =>
        GammaGammaModel.IsEligible(s)
            ? model.ExpectedAverageOrderValue(s.Frequency, (double)s.MonetaryValue)
            : model.ExpectedAverageOrderValue(0, 0);

    /// <summary>
    /// CLV as in <c>lifetimes.utils._customer_lifetime_value</c>: for each month i = 1..H,
    /// value · (E[Y(i·f)] − E[Y((i−1)·f)]) / (1+d)^i, where f is the number of time units per month
    /// (30 days or 4.345 weeks), E[Y] the purchase model's conditional expectation and d the monthly discount rate.
    /// </summary>
    public static double LifetimeValue(IPurchaseModel model, CustomerSummary s, double valuePerPurchase,
        int months, DiscountRate discount, TimeUnit unit)
    {
        var f = unit.UnitsPerMonth();
        double total = 0, previous = 0;
        for (var i = 1; i <= months; i++)
        {
            var cumulative = model.ExpectedPurchases(i * f, s.Frequency, s.Recency, s.Age);
            total += valuePerPurchase * (cumulative - previous) / Math.Pow(1 + discount.MonthlyRate, i);
            previous = cumulative;
        }
        return total;
    }
}
